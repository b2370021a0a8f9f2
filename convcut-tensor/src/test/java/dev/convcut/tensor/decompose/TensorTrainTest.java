package dev.convcut.tensor.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.TestKernels;
import dev.convcut.tensor.linalg.Svd;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TensorTrainTest extends FactorizationContract {
  @Override
  protected Factorization fullRank(Kernel w) {
    int[] r = TensorTrain.maxRanks(w);
    return TensorTrain.of(w, r[0], r[1], r[2]);
  }

  @Override
  protected Factorization truncated(Kernel w) {
    return TensorTrain.of(w, 2, 2, 2);
  }

  @Test
  void coresBecomeTheFourConvolutionsOfTheTable() {
    TensorTrain t = TensorTrain.of(TestKernels.gaussian(new Random(91), 8, 6, 3, 3), 4, 5, 3);
    assertThat(t.ranks()).containsExactly(4, 5, 3);
    assertThat(t.factors().get(0).weight().shape()).containsExactly(4, 6, 1, 1);
    assertThat(t.factors().get(1).weight().shape()).containsExactly(5, 4, 3, 1);
    assertThat(t.factors().get(2).weight().shape()).containsExactly(3, 5, 1, 3);
    assertThat(t.factors().get(3).weight().shape()).containsExactly(8, 3, 1, 1);
    assertThat(t.factors().stream().map(ConvFactor::axes))
        .containsExactly(SpatialAxes.NONE, SpatialAxes.ROWS, SpatialAxes.COLUMNS, SpatialAxes.NONE);
  }

  @Test
  void maxRanksChainTheAvailableRanks() {
    assertThat(TensorTrain.maxRanks(Kernel.zeros(64, 3, 3, 3))).containsExactly(3, 9, 27);
    assertThat(TensorTrain.maxRanks(Kernel.zeros(8, 16, 3, 3))).containsExactly(16, 24, 8);
  }

  @Test
  void theFirstBondAloneIsTheTruncationAlongOhwI() {
    Kernel w = TestKernels.gaussian(new Random(92), 8, 6, 3, 3);
    int[] max = TensorTrain.maxRanks(w);
    TensorTrain t = TensorTrain.of(w, 3, Math.min(3 * 3, max[1]), 8);
    assertThat(t.reconstruct().distance(CutSvd.of(w, Cut.OHW_I).truncate(3).kernel())).isLessThan(1e-10);
  }

  @Test
  void aLevelTruncatesEveryBondAtItsOwnStep() {
    Kernel w = TestKernels.gaussian(new Random(93), 8, 6, 3, 3);
    assertThat(TensorTrain.of(w, Level.tol(0), Svd.standard()).relativeError()).isLessThan(1e-10);
    TensorTrain half = TensorTrain.of(w, Level.keep(0.5), Svd.standard());
    assertThat(half.ranks()[0]).isEqualTo(3);
    assertThat(half.relativeError()).isGreaterThan(0.1);
  }

  @Test
  void aBondRankAboveWhatItsStepHasIsRefusedNamingTheBond() {
    Kernel w = TestKernels.gaussian(new Random(94), 8, 6, 3, 3);
    assertThatThrownBy(() -> TensorTrain.of(w, 2, 7, 1)).hasMessageContaining("TT rank r2 = 7 is outside 1..6")
        .hasMessageContaining("ow|ih");
    assertThatThrownBy(() -> TensorTrain.of(w, 0, 1, 1)).hasMessageContaining("r1 = 0");
    assertThatThrownBy(() -> TensorTrain.maxRanks(Kernel.zeros(2, 2))).hasMessageContaining("4-index");
  }
}
