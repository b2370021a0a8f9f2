package dev.convcut.study;

import dev.convcut.WithEngine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.model.Network;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.RankProfile;
import dev.convcut.tensor.Truncation;
import org.junit.jupiter.api.Test;

class AppliedTruncationTest extends WithEngine {


  @Test
  void applyingAPlanWritesTheTruncatedKernelsAndRecordsRanksAndMetrics() {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.CNN4, 4)) {
      Kernel original = LayerKernels.kernel(net, "features.6");
      TruncationSpec.Plan plan = TruncationSpec.parse("features.6:oi|hw=keep0.25,o|ihw=rank5")
          .resolve(net.layerNames(), LayerKernels.kernels(net, net.layerNames()));
      AppliedTruncation a = AppliedTruncation.apply(net, plan, "src", "sha");
      Kernel expected = plan.layers().get("features.6").apply(original).truncated();
      assertThat(net.weight("features.6")).containsExactly(expected.toFloatArray());
      AppliedTruncation.LayerRecord l = a.layers().get(0);
      assertThat(l.steps()).extracting(AppliedTruncation.StepRecord::rank).containsExactly(3, 5);
      assertThat(l.rankProfile().get("o|ihw")).isEqualTo(5);
      assertThat(l.normLoss()).isPositive().isLessThan(1);
      assertThat(l.relError()).isGreaterThan(l.normLoss());
    }
  }

  @Test
  void projectionKeepsTheRecordedRanksAfterTheWeightsMove() {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.CNN4, 4)) {
      TruncationSpec.Plan plan = TruncationSpec.parse("features.8:o|ihw=rank3,ohw|i=rank4").resolve(net.layerNames(),
          LayerKernels.kernels(net, net.layerNames()));
      AppliedTruncation a = AppliedTruncation.apply(net, plan, "src", "sha");
      // Dense training would move the weights off the rank set: emulate with a full-rank perturbation.
      float[] w = net.weight("features.8");
      for (int i = 0; i < w.length; i++) {
        w[i] += (float) Math.sin(i) * 0.01f;
      }
      net.setWeight("features.8", w);
      assertThat(RankProfile.of(LayerKernels.kernel(net, "features.8")).rank(Cut.O_IHW)).isEqualTo(64);
      var ranks = a.ranks();
      assertThat(ranks.get("features.8").steps()).extracting(Truncation.Step::toString).containsExactly("o|ihw rank3", "ohw|i rank4");
      AppliedTruncation.project(net, ranks);
      // The weights are floats: beyond the kept ranks only float rounding remains.
      Kernel projected = LayerKernels.kernel(net, "features.8");
      CutSpectrum o = CutSvd.of(projected, Cut.O_IHW).spectrum();
      CutSpectrum i = CutSvd.of(projected, Cut.OHW_I).spectrum();
      assertThat(o.value(3) / o.value(0)).isLessThan(1e-5);
      assertThat(i.value(4) / i.value(0)).isLessThan(1e-5);
      assertThat(o.value(2) / o.value(0)).isGreaterThan(1e-3);
    }
  }
}
