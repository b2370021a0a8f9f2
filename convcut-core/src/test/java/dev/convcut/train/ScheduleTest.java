package dev.convcut.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void cosineStartsAtTheRateAndHalvesAtMidpointLikeCosineAnnealingLr() {
    Schedule s = new Schedule(Schedule.Kind.COSINE, 0.1, 10, List.of(), 0.1, 0);
    assertThat(s.lr(0, 5, 10)).isEqualTo(0.1);
    assertThat(s.lr(5, 0, 10)).isCloseTo(0.05, within(1e-12));
    assertThat(s.lr(9, 0, 10)).isCloseTo(0.1 * (1 + Math.cos(Math.PI * 0.9)) / 2, within(1e-12));
  }

  @Test
  void stepMultipliesByGammaAtEachMilestone() {
    Schedule s = new Schedule(Schedule.Kind.STEP, 1, 30, List.of(10, 20), 0.1, 0);
    assertThat(s.lr(9, 0, 5)).isEqualTo(1);
    assertThat(s.lr(10, 0, 5)).isCloseTo(0.1, within(1e-12));
    assertThat(s.lr(25, 0, 5)).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void warmUpRisesLinearlyPerStepToTheScheduledRate() {
    Schedule s = new Schedule(Schedule.Kind.CONSTANT, 0.4, 5, List.of(), 0.1, 2);
    assertThat(s.lr(0, 0, 4)).isCloseTo(0.05, within(1e-12));
    assertThat(s.lr(1, 3, 4)).isCloseTo(0.4, within(1e-12));
    assertThat(s.lr(2, 0, 4)).isEqualTo(0.4);
  }

  @Test
  void anUnknownKindIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> Schedule.Kind.named("linear")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schedule must be one of [constant, step, cosine], got 'linear'");
  }

  @Test
  void aKindIsSpelledInLowerCaseAsFilesAndTheCommandLineSpellIt() {
    for (Schedule.Kind k : Schedule.Kind.values()) {
      assertThat(Schedule.Kind.named(k.spelling())).isSameAs(k);
      assertThat(k.toString()).isEqualTo(k.spelling()).isEqualTo(k.name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
