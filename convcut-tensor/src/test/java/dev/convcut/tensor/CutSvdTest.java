package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.tensor.linalg.Matrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CutSvdTest {
  private final Kernel w = TestKernels.gaussian(new Random(21), 8, 6, 3, 3);

  @Test
  void truncatingAtFullRankReturnsTheOriginalKernel() {
    CutSvd d = CutSvd.of(w, Cut.O_IHW);
    assertThat(d.truncate(8).kernel()).isSameAs(w);
    assertThat(d.truncate(Level.keep(1)).kernel()).isSameAs(w);
  }

  @Test
  void aTruncatedKernelIsTheBestRankKApproximationOfTheMatricization() {
    // Eckart–Young: ‖M − M_k‖² is exactly the discarded tail of squared singular values.
    CutSvd d = CutSvd.of(w, Cut.OH_IW);
    double[] s = d.spectrum().values();
    for (int k = 1; k <= s.length; k++) {
      Matrix mk = Cut.OH_IW.matricize(d.truncate(k).kernel());
      double tail = 0;
      for (int j = k; j < s.length; j++) {
        tail += s[j] * s[j];
      }
      assertThat(Cut.OH_IW.matricize(w).distance(mk)).isCloseTo(Math.sqrt(tail), within(1e-10));
    }
  }

  @Test
  void bothProductPathsGiveTheSameKernel() {
    // Below half the rank the kept triplets are multiplied, above it the discarded ones subtracted.
    CutSvd d = CutSvd.of(w, Cut.OHW_I);
    for (int k = 1; k < 6; k++) {
      Kernel viaHead = Cut.OHW_I.fold(d.svd().product(0, k), w.shape());
      assertThat(d.truncate(k).kernel().distance(viaHead)).isLessThan(1e-12);
    }
  }

  @Test
  void levelsSelectTheirRankFromTheSameDecomposition() {
    CutSvd d = CutSvd.of(w, Cut.O_IHW);
    assertThat(d.truncate(Level.keep(0.5)).rank()).isEqualTo(4);
    assertThat(d.truncate(Level.rank(2)).rank()).isEqualTo(2);
    TruncatedKernel byLoss = d.truncate(Level.loss(0.2));
    assertThat(byLoss.normLoss()).isLessThanOrEqualTo(0.2);
    assertThat(byLoss.keptFraction()).isEqualTo(byLoss.rank() / 8.0);
  }

  @Test
  void aCoincidingCutReadsTheSameDecompositionTransposed() {
    Kernel one = TestKernels.gaussian(new Random(22), 1, 4, 3, 5);
    CutSvd base = CutSvd.of(one, Cut.OHW_I);
    CutSvd other = base.along(Cut.OI_HW);
    assertThat(other.cut()).isEqualTo(Cut.OI_HW);
    assertThat(other.spectrum().values()).containsExactly(base.spectrum().values());
    assertThat(other.truncate(2).kernel().distance(base.truncate(2).kernel())).isLessThan(1e-13);
    assertThat(other.truncate(2).kernel().distance(CutSvd.of(one, Cut.OI_HW).truncate(2).kernel())).isLessThan(1e-12);
  }
}
