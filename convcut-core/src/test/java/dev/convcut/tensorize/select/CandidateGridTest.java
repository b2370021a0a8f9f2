package dev.convcut.tensorize.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.model.ConvSpec;
import dev.convcut.tensor.Cut;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidateGridTest {
  static DenseConv layer(int o, int i, int k, int groups) {
    ConvSpec spec = new ConvSpec(i, o, k, k, 1, 1, k / 2, k / 2, 1, 1, groups, false);
    Random r = new Random(4);
    float[] w = new float[o * (i / groups) * k * k];
    for (int j = 0; j < w.length; j++) {
      w[j] = (float) r.nextGaussian();
    }
    return new DenseConv("l", spec, 8, 8, w, null);
  }

  static CandidateGrid grid(Resource r) {
    return new CandidateGrid(CandidateGrid.allMethods(), CandidateGrid.DEFAULT_KEEPS, r, Factorizer.standard());
  }

  @Test
  void everyCandidateSavesAndNoneIsBeatenOnBothCostAndNormLoss() {
    DenseConv d = layer(16, 12, 3, 1);
    List<Candidate> c = grid(Resource.PARAMS).candidates(d);
    assertThat(c).isNotEmpty();
    for (Candidate a : c) {
      assertThat(a.params()).isLessThan(d.params());
      for (Candidate b : c) {
        if (a != b) {
          assertThat(b.params() <= a.params() && b.normLoss() <= a.normLoss()).as("%s beats %s", b, a).isFalse();
        }
      }
    }
    assertThat(c).extracting(Candidate::params).isSorted();
  }

  @Test
  void multiplyAddsAreTheCostWhenTheyAreTheTarget() {
    DenseConv d = layer(16, 12, 3, 1);
    for (Candidate c : grid(Resource.MACS).candidates(d)) {
      assertThat(c.macs()).isLessThan(d.macs());
    }
  }

  @Test
  void aPointwiseLayerGetsOnlyTheOutputCutAndAGroupedOneNothing() {
    assertThat(grid(Resource.PARAMS).candidates(layer(16, 12, 1, 1))).extracting(Candidate::method)
        .containsOnly(Method.svd(Cut.O_IHW));
    assertThat(grid(Resource.PARAMS).candidates(layer(16, 12, 3, 4))).isEmpty();
  }

  @Test
  void aSpeedGateTimesOnlyTheFrontierAndLetsDominatedCandidatesMoveUp() {
    DenseConv d = layer(16, 12, 3, 1);
    List<Candidate> ungated = grid(Resource.PARAMS).candidates(d);
    // every svd cut "runs slower than dense": the frontier must be rebuilt from the other methods
    SpeedGate gate = new SpeedGate(1.0, (layer, c) -> c.method().decomposition() == dev.convcut.tensorize.Decompositions.SVD ? 0.9 : 1.5);
    List<Candidate> gated = grid(Resource.PARAMS).candidates(d, gate);
    assertThat(gated).isNotEmpty().allSatisfy(c -> assertThat(c.method().decomposition()).isNotEqualTo(dev.convcut.tensorize.Decompositions.SVD));
    assertThat(ungated).anySatisfy(c -> assertThat(c.method().decomposition()).isEqualTo(dev.convcut.tensorize.Decompositions.SVD));
    // candidates that were never on a frontier were never timed
    assertThat(gate.measured().keySet()).allSatisfy(c -> assertThat(gated.contains(c) || c.method().decomposition() == dev.convcut.tensorize.Decompositions.SVD).isTrue());
    for (Candidate a : gated) {
      for (Candidate b : gated) {
        if (a != b) {
          assertThat(b.params() <= a.params() && b.normLoss() <= a.normLoss()).as("%s beats %s", b, a).isFalse();
        }
      }
    }
    assertThat(List.copyOf(gate.measured().values())).contains(0.9);
  }

  @Test
  void aSpeedGateNeedsAPositiveThreshold() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpeedGate(0, (l, c) -> 1))
        .hasMessage("the minimum speed-up must be a positive number, got 0.0");
  }
}
