package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.tensor.Level;
import org.junit.jupiter.api.Test;

class RankRequestTest {
  @Test
  void oneRankIsRepeatedForEveryBond() {
    assertThat(RankRequest.ranks(6).ranksFor(Method.TT)).containsExactly(6, 6, 6);
    assertThat(RankRequest.ranks(6, 3).ranksFor(Method.TUCKER2)).containsExactly(6, 3);
  }

  @Test
  void theWrongNumberOfRanksIsRefusedNamingTheBonds() {
    assertThatThrownBy(() -> RankRequest.ranks(1, 2).ranksFor(Method.TT)).hasMessageContaining("r1,r2,r3");
    assertThatThrownBy(() -> RankRequest.ranks(1, 2).ranksFor(Method.CP)).hasMessageContaining("one rank");
  }

  @Test
  void aRankLevelBecomesAnExplicitRank() {
    assertThat(RankRequest.level(Level.rank(4))).isEqualTo(RankRequest.ranks(4));
    assertThat(RankRequest.level(Level.keep(0.25))).hasToString("keep0.25");
    assertThat(RankRequest.ranks(4, 2)).hasToString("rank4,2");
  }

  @Test
  void ranksBelowOneAndMissingOrDoubleChoicesAreRefused() {
    assertThatThrownBy(() -> RankRequest.ranks(0)).hasMessageContaining(">= 1");
    assertThatThrownBy(() -> new RankRequest(null, null)).hasMessageContaining("either");
    assertThatThrownBy(() -> new RankRequest(java.util.List.of(2), Level.keep(0.5))).hasMessageContaining("either");
  }
}
