package dev.convcut.report.analysis;

import dev.convcut.Setting;
import dev.convcut.InvalidSettingException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CriteriaTest {
  @Test
  void theDefaultsAreHalfAPointThreeEpochsAndFivePercent() {
    assertThat(Criteria.defaults()).isEqualTo(new Criteria(0.5, 3, 0.05));
  }

  @Test
  void aDropOfExactlyTheToleranceIsWithinEvenAfterFloatRounding() {
    Criteria c = Criteria.defaults();
    double delta = 100 * (0.8950 - 0.9000);
    assertThat(delta).isLessThan(-0.5);
    assertThat(c.within(delta)).isTrue();
    assertThat(c.within(-0.5001)).isFalse();
    assertThat(c.within(2.0)).isTrue();
  }

  @Test
  void aZeroToleranceAcceptsOnlyNoLossAtAll() {
    Criteria c = new Criteria(0, 3, 0.05);
    assertThat(c.within(0)).isTrue();
    assertThat(c.within(-0.01)).isFalse();
  }

  @Test
  void invalidValuesNameTheOption() {
    assertThatThrownBy(() -> new Criteria(-1, 3, 0.05)).hasMessageStartingWith("the tolerance must be")
        .satisfies(e -> assertThat(((InvalidSettingException) e).value()).isEqualTo(-1.0));
    assertThatThrownBy(() -> new Criteria(Double.NaN, 3, 0.05)).hasMessageStartingWith("the tolerance must be");
    assertThatThrownBy(() -> new Criteria(0.5, -1, 0.05)).hasMessage("the number of recovery epochs must be >= 0, got -1");
    assertThatThrownBy(() -> new Criteria(0.5, 3, 0)).hasMessageStartingWith("the smallest norm loss must be in (0, 1]");
    assertThatThrownBy(() -> new Criteria(0.5, 3, 5))
        .satisfies(e -> assertThat(((InvalidSettingException) e).setting()).isEqualTo(Setting.MIN_NORM_LOSS));
  }
}
