package dev.convcut.tensor.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.TestKernels;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CutFactorsTest extends FactorizationContract {
  /** The contract along {@code oh|iw}, the cut whose factors carry one spatial axis each. */
  @Override
  protected Factorization fullRank(Kernel k) {
    CutSvd svd = CutSvd.of(k, Cut.OH_IW);
    return CutFactors.of(svd, svd.spectrum().fullRank());
  }

  @Override
  protected Factorization truncated(Kernel k) {
    return CutFactors.of(CutSvd.of(k, Cut.OH_IW), 2);
  }

  private final Kernel w = TestKernels.gaussian(new Random(101), 5, 4, 3, 2);

  /** Every cut's factors, at every rank, compose to that cut's truncated kernel — at full rank, the kernel. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Cut.class, names = "O_I", mode = EnumSource.Mode.EXCLUDE)
  void factorsComposeToTheTruncatedKernelAtEveryRank(Cut cut) {
    for (Kernel k : new Kernel[] {w, TestKernels.gaussian(new Random(102), 3, 2, 1, 1), TestKernels.gaussian(new Random(103), 1, 3, 2, 2)}) {
      CutSvd svd = CutSvd.of(k, cut);
      int r = svd.spectrum().fullRank();
      for (int rank = 1; rank <= r; rank++) {
        CutFactors f = CutFactors.of(svd, rank);
        assertThat(f.reconstruct().distance(svd.truncate(rank).kernel())).as("%s rank %d of %s", cut, rank, k).isLessThan(1e-10);
      }
      assertThat(CutFactors.of(svd, r).relativeError()).isLessThanOrEqualTo(1e-10);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "o|ihw, 2:4:3:2, 1, BOTH, 5:2:1:1, NONE",
      "ohw|i, 2:4:1:1, 1, NONE, 5:2:3:2, BOTH",
      "oh|iw, 2:4:1:2, 1, COLUMNS, 5:2:3:1, ROWS",
      "ow|ih, 2:4:3:1, 1, ROWS, 5:2:1:2, COLUMNS",
      "oi|hw, 8:1:3:2, 4, BOTH, 5:8:1:1, NONE",
      "oih|w, 8:1:1:2, 4, COLUMNS, 5:8:3:1, ROWS",
      "oiw|h, 8:1:3:1, 4, ROWS, 5:8:1:2, COLUMNS"})
  void shapesGroupsAndAxesFollowTheTable(String cut, String firstShape, int groups, SpatialAxes firstAxes, String secondShape,
      SpatialAxes secondAxes) {
    CutFactors f = CutFactors.of(CutSvd.of(w, Cut.parse(cut)), 2);
    assertThat(f.first().weight().shapeString()).isEqualTo("(" + firstShape.replace(":", ", ") + ")");
    assertThat(f.first().groups()).isEqualTo(groups);
    assertThat(f.first().axes()).isEqualTo(firstAxes);
    assertThat(f.second().weight().shapeString()).isEqualTo("(" + secondShape.replace(":", ", ") + ")");
    assertThat(f.second().groups()).isEqualTo(1);
    assertThat(f.second().axes()).isEqualTo(secondAxes);
  }

  @Test
  void aLinearLayerSplitsIntoTwoLinearFactors() {
    Kernel fc = TestKernels.gaussian(new Random(104), 7, 5);
    CutFactors f = CutFactors.of(CutSvd.of(fc, Cut.O_I), 3);
    assertThat(f.first().weight().shape()).containsExactly(3, 5);
    assertThat(f.second().weight().shape()).containsExactly(7, 3);
    assertThat(f.reconstruct().distance(CutSvd.of(fc, Cut.O_I).truncate(3).kernel())).isLessThan(1e-12);
  }

  @Test
  void theSingularValuesAreSplitEvenlyBetweenTheFactors() {
    CutFactors f = CutFactors.of(CutSvd.of(w, Cut.O_IHW), 1);
    double s1 = CutSvd.of(w, Cut.O_IHW).spectrum().value(0);
    assertThat(f.first().weight().norm()).isCloseTo(Math.sqrt(s1), within(1e-12));
    assertThat(f.second().weight().norm()).isCloseTo(Math.sqrt(s1), within(1e-12));
  }

  @Test
  void aRankOutsideOneToRIsRefused() {
    CutSvd svd = CutSvd.of(w, Cut.OIH_W);
    assertThatThrownBy(() -> CutFactors.of(svd, 0)).hasMessageContaining("rank 0 is outside 1..2 for cut oih|w");
    assertThatThrownBy(() -> CutFactors.of(svd, 3)).hasMessageContaining("rank 3");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Cut.class, names = "O_I", mode = EnumSource.Mode.EXCLUDE)
  void parameterCountWithoutDecomposingMatchesTheFactorsAtEveryRank(Cut cut) {
    for (Kernel k : new Kernel[] {w, TestKernels.gaussian(new Random(104), 6, 3, 1, 1)}) {
      CutSvd svd = CutSvd.of(k, cut);
      for (int rank = 1; rank <= svd.spectrum().fullRank(); rank++) {
        assertThat(CutFactors.parameters(cut, k.shape(), rank)).as("%s rank %d", cut, rank).isEqualTo(CutFactors.of(svd, rank).parameters());
      }
    }
  }

  @Test
  void parameterCountOfALinearKernelIsBothFactors() {
    Kernel fc = TestKernels.gaussian(new Random(105), 7, 5);
    assertThat(CutFactors.parameters(Cut.O_I, fc.shape(), 2)).isEqualTo(CutFactors.of(CutSvd.of(fc, Cut.O_I), 2).parameters()).isEqualTo(24);
    assertThatThrownBy(() -> CutFactors.parameters(Cut.O_I, fc.shape(), 6)).hasMessageContaining("outside 1..5");
  }
}
