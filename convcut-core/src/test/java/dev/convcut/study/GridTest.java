package dev.convcut.study;

import dev.convcut.Setting;
import dev.convcut.InvalidSettingException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.InvalidRequestException;
import org.junit.jupiter.api.Test;

class GridTest {
  @Test
  void theDefaultsAreAllCutsAndKeepOneToATenthAndRankOne() {
    Grid g = Grid.parse(null, "");
    assertThat(g.cutNames()).containsExactly("o|ihw", "ohw|i", "oiw|h", "oih|w", "oi|hw", "oh|iw", "ow|ih", "o|i");
    assertThat(g.levelNames()).containsExactly("keep1", "keep0.9", "keep0.8", "keep0.7", "keep0.6", "keep0.5", "keep0.4", "keep0.3",
        "keep0.2", "keep0.1", "rank1");
  }

  @Test
  void listsParseAnySpellingAndDropDuplicates() {
    Grid g = Grid.parse("ihw/o, o:ihw,hw|oi", "rank2,keep=0.5,rank2");
    assertThat(g.cutNames()).containsExactly("o|ihw", "oi|hw");
    assertThat(g.levelNames()).containsExactly("rank2", "keep0.5");
  }

  @Test
  void aBadCutOrLevelIsAUsageErrorSayingWhatIsValid() {
    assertThatThrownBy(() -> Grid.parse("o|ih", null)).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("the cuts: cut 'o|ih'")
        .satisfies(e -> assertThat(((InvalidSettingException) e).setting()).isEqualTo(Setting.CUTS));
    assertThatThrownBy(() -> Grid.parse(null, "half")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("the levels: level 'half': expected rank=K, keep=F");
  }
}
