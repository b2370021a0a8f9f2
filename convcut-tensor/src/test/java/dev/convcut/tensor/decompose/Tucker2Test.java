package dev.convcut.tensor.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvds;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.TestKernels;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Tucker2Test extends FactorizationContract {
  @Override
  protected Factorization fullRank(Kernel w) {
    return Tucker2.of(w, Cut.O_IHW.fullRank(w), Cut.OHW_I.fullRank(w));
  }

  @Override
  protected Factorization truncated(Kernel w) {
    return Tucker2.of(w, 2, 2);
  }

  @Test
  void factorShapesFollowTheTable() {
    Tucker2 t = Tucker2.of(TestKernels.gaussian(new Random(81), 8, 6, 3, 3), 5, 4);
    assertThat(t.first().weight().shape()).containsExactly(4, 6, 1, 1);
    assertThat(t.core().weight().shape()).containsExactly(5, 4, 3, 3);
    assertThat(t.last().weight().shape()).containsExactly(8, 5, 1, 1);
    assertThat(t.core().axes()).isEqualTo(SpatialAxes.BOTH);
    assertThat(t.first().axes()).isEqualTo(SpatialAxes.NONE);
  }

  @Test
  void theErrorIsBoundedByTheTwoCutsDiscardedWeight() {
    Kernel w = TestKernels.gaussian(new Random(82), 8, 6, 3, 3);
    CutSvds svds = CutSvds.of(w);
    Tucker2 t = Tucker2.of(svds, 4, 3);
    double bound = svds.spectrum(Cut.O_IHW).discarded(4) + svds.spectrum(Cut.OHW_I).discarded(3);
    double e = t.relativeError();
    assertThat(e * e).isLessThanOrEqualTo(bound + 1e-12);
    // A one-sided Tucker-2 is exactly the truncation along that cut.
    Tucker2 oneSided = Tucker2.of(svds, 4, 6);
    assertThat(oneSided.reconstruct().distance(svds.svd(Cut.O_IHW).truncate(4).kernel())).isLessThan(1e-10);
  }

  @Test
  void ranksOutsideTheCutsFullRankAreRefused() {
    Kernel w = TestKernels.gaussian(new Random(83), 8, 6, 3, 3);
    assertThatThrownBy(() -> Tucker2.of(w, 9, 2)).hasMessageContaining("rank 9 is outside 1..8 for cut o|ihw");
    assertThatThrownBy(() -> Tucker2.of(w, 2, 0)).hasMessageContaining("rank 0 is outside 1..6 for cut ohw|i");
    assertThatThrownBy(() -> Tucker2.of(Kernel.zeros(3, 4), 1, 1)).hasMessageContaining("Tucker-2 needs a 4-index kernel");
  }
}
