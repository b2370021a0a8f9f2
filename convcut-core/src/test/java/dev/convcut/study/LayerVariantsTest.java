package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayerVariantsTest {
  static Kernel gaussian(long seed, int... shape) {
    Random r = new Random(seed);
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return Kernel.of(v, shape);
  }

  @Test
  void levelsGivingTheSameRankShareAnEvaluationAndFullRankNeedsNone() {
    Kernel k = gaussian(1, 8, 4, 3, 3);
    LayerVariants lv = LayerVariants.of("l", k, List.of(Cut.O_IHW), Grid.defaultLevels());
    // o|ihw: full rank 8; keep1.0 and keep0.9 keep 8 (full), keep0.5 and keep0.4 keep 4 (ceil 3.2), keep0.1 and rank1 keep 1.
    assertThat(lv.variants()).extracting(LayerVariants.Variant::rank).containsExactly(8, 8, 7, 6, 5, 4, 4, 3, 2, 1, 1);
    assertThat(lv.variants().get(0).fullRank()).isTrue();
    assertThat(lv.variants().get(1).fullRank()).isTrue();
    assertThat(lv.variants().get(5).evaluation()).isEqualTo(lv.variants().get(6).evaluation());
    assertThat(lv.variants().get(9).evaluation()).isEqualTo(lv.variants().get(10).evaluation()).isEqualTo("l o|ihw@1");
    assertThat(lv.evaluations()).containsExactly("l o|ihw@7", "l o|ihw@6", "l o|ihw@5", "l o|ihw@4", "l o|ihw@3", "l o|ihw@2", "l o|ihw@1");
    assertThat(lv.truncated("l o|ihw@3")).isEqualTo(CutSvd.of(k, Cut.O_IHW).truncate(3).kernel());
  }

  @Test
  void coincidingCutsShareOneEvaluationAndTrivialCutsAreSkipped() {
    // A 1x1 kernel: its four non-trivial cuts are all o|i; oiw|h, oih|w and oi|hw have a side of 1.
    Kernel k = gaussian(2, 6, 5, 1, 1);
    LayerVariants lv = LayerVariants.of("c", k, Cut.fourIndex(), List.of(Level.parse("rank2")));
    assertThat(lv.variants()).extracting(v -> v.cut().toString()).containsExactly("o|ihw", "ohw|i", "oh|iw", "ow|ih");
    assertThat(lv.evaluations()).hasSize(1);
    assertThat(lv.decompositions()).isEqualTo(1);
  }

  @Test
  void aRankAboveTheFullRankKeepsTheFullRankAndParametersFollowTheCut() {
    Kernel k = gaussian(3, 4, 3, 3, 3);
    LayerVariants lv = LayerVariants.of("l", k, List.of(Cut.OIW_H), List.of(Level.parse("rank8"), Level.parse("rank1")));
    assertThat(lv.variants().get(0).rank()).isEqualTo(3);
    assertThat(lv.variants().get(0).fullRank()).isTrue();
    // oiw|h at rank 1: first factor (I·1, 1, H, 1) = 9, second (O, I·1, 1, W) = 36.
    assertThat(lv.variants().get(1).factorizedParams()).isEqualTo(45);
  }
}
