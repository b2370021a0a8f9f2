package dev.convcut.study;

import dev.convcut.WithEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.model.Network;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.Kernel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantScoringTest extends WithEngine {


  private static List<float[]> truncations(Network net, String layer) {
    Kernel k = LayerKernels.kernel(net, layer);
    List<float[]> out = new ArrayList<>();
    for (Cut c : List.of(Cut.O_IHW, Cut.OI_HW, Cut.OHW_I)) {
      out.add(CutSvd.of(k, c).truncate(1).kernel().toFloatArray());
    }
    return out;
  }

  @Test
  void suffixOnlyScoringEqualsAFullForwardPerVariantInEveryLayer() {
    for (var spec : List.of(StudyFixtures.CNN4, StudyFixtures.RESNET20)) {
      try (Network net = StudyFixtures.network(manager, spec, 3)) {
        EvalSet eval = StudyFixtures.eval(16);
        for (String layer : List.of(StudyFixtures.conv(net).get(1), StudyFixtures.conv(net).get(StudyFixtures.conv(net).size() - 1))) {
          List<float[]> variants = truncations(net, layer);
          List<Score> fast = VariantScoring.variants(net, layer, variants, eval, 8, null);
          List<Score> naive = VariantScoring.naive(net, layer, variants, eval, 8, null);
          for (int v = 0; v < variants.size(); v++) {
            assertThat(fast.get(v).top1()).as("%s %s variant %d", spec.model(), layer, v).isEqualTo(naive.get(v).top1());
            assertThat(fast.get(v).top5()).isEqualTo(naive.get(v).top5());
            assertThat(fast.get(v).loss()).isCloseTo(naive.get(v).loss(), within(1e-5));
            assertThat(fast.get(v).images()).isEqualTo(16);
          }
        }
      }
    }
  }

  @Test
  void theOriginalWeightIsRestoredAndTruncationChangesTheOutput() {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.CNN4, 5)) {
      String layer = "features.2";
      float[] before = net.weight(layer);
      EvalSet eval = StudyFixtures.eval(0);
      Score base = VariantScoring.full(net, eval, 8, null);
      List<Score> s = VariantScoring.variants(net, layer, List.of(before, new float[before.length]), eval, 8, null);
      assertThat(net.weight(layer)).containsExactly(before);
      assertThat(s.get(0)).isEqualTo(base);
      assertThat(s.get(1).loss()).isNotCloseTo(base.loss(), within(1e-6));
    }
  }

  @Test
  void perImageHitsAgreeWithTheScoresImageCountsAndPairUp() {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.RESNET20, 7)) {
      EvalSet eval = StudyFixtures.eval(0);
      String layer = StudyFixtures.conv(net).get(2);
      List<float[]> variants = truncations(net, layer);
      java.util.BitSet dense = VariantScoring.hits(net, null, List.of(), eval, 8).get(0);
      assertThat(dense.cardinality()).isEqualTo(Math.round(VariantScoring.full(net, eval, 8, null).top1() * eval.size()));
      List<java.util.BitSet> hits = VariantScoring.hits(net, layer, variants, eval, 8);
      List<Score> scores = VariantScoring.variants(net, layer, variants, eval, 8, null);
      assertThat(hits).hasSize(variants.size());
      for (int v = 0; v < variants.size(); v++) {
        assertThat(hits.get(v).cardinality()).isEqualTo(Math.round(scores.get(v).top1() * eval.size()));
        assertThat(hits.get(v).length()).isLessThanOrEqualTo(eval.size());
        PairedDifference d = PairedDifference.of(dense, hits.get(v), eval.size());
        assertThat(d.deltaPoints()).isCloseTo(scores.get(v).deltaTop1(dense.cardinality() / (double) eval.size()), within(1e-9));
      }
    }
  }
}
