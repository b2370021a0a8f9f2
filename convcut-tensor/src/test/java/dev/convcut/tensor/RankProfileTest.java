package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankProfileTest {
  @Test
  void aGenericKernelHasFullRankAlongEveryCut() {
    Kernel w = TestKernels.gaussian(new Random(51), 5, 4, 3, 2);
    RankProfile p = RankProfile.of(w);
    for (Cut c : Cut.fourIndex()) {
      assertThat(p.rank(c)).isEqualTo(c.fullRank(w));
    }
    assertThat(p.toString()).startsWith("o|ihw=5 ohw|i=4 oiw|h=3 oih|w=2 oi|hw=6");
  }

  @Test
  void aZeroKernelHasRankZeroEverywhere() {
    RankProfile p = RankProfile.of(Kernel.zeros(3, 3, 3, 3));
    assertThat(p.ranks().values()).containsOnly(0);
  }

  @Test
  void askingForAForeignCutNamesTheCutsItHas() {
    RankProfile p = RankProfile.of(Kernel.zeros(3, 4));
    assertThatThrownBy(() -> p.rank(Cut.OH_IW)).hasMessageContaining("oh|iw").hasMessageContaining("[o|i]");
  }
}
