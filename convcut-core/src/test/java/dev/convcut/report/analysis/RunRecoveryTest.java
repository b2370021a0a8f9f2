package dev.convcut.report.analysis;

import static dev.convcut.report.analysis.Points.epoch;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecoveryTest {
  private static final Criteria C = Criteria.defaults();

  @Test
  void epochsToRecoverIsTheFirstEpochBackWithinTolerance() {
    RunRecovery r = RunRecovery.of(List.of(epoch("dense", 2, -0.4), epoch("dense", 0, -8), epoch("dense", 1, -1.2),
        epoch("dense", 3, -0.6)), C);
    assertThat(r).isEqualTo(new RunRecovery("dense", 0, 3, Points.BASELINE, -8, -0.6, 2));
    assertThat(r.outcome(C)).isEqualTo(RunRecovery.Outcome.RECOVERED_IN_TIME);
    assertThat(r.describe(C)).isEqualTo("dense: -8.00 -> -0.60 points, recovered at epoch 2");
  }

  @Test
  void aModelWithinToleranceBeforeReTrainingLostNothing() {
    RunRecovery r = RunRecovery.of(List.of(epoch("dense", 0, -0.3), epoch("dense", 1, -0.8)), C);
    assertThat(r.epochsToRecover()).isZero();
    assertThat(r.outcome(C)).isEqualTo(RunRecovery.Outcome.NOTHING_LOST);
  }

  @Test
  void recoveringAfterTheLimitIsLate() {
    RunRecovery r = RunRecovery.of(List.of(epoch("d", 0, -8), epoch("d", 4, -0.2)), C);
    assertThat(r.outcome(C)).isEqualTo(RunRecovery.Outcome.RECOVERED_LATE);
    assertThat(r.outcome(new Criteria(0.5, 4, 0.05))).isEqualTo(RunRecovery.Outcome.RECOVERED_IN_TIME);
  }

  @Test
  void notRecoveringIsAFailureOnlyOnceTheRunTrainedForTheWholeLimit() {
    RunRecovery three = RunRecovery.of(List.of(epoch("d", 0, -8), epoch("d", 1, -3), epoch("d", 2, -2), epoch("d", 3, -1)), C);
    assertThat(three.epochsToRecover()).isNull();
    assertThat(three.outcome(C)).isEqualTo(RunRecovery.Outcome.NOT_RECOVERED);
    assertThat(three.describe(C)).isEqualTo("d: -8.00 -> -1.00 points, not recovered in 3 epochs");
    RunRecovery one = RunRecovery.of(List.of(epoch("d", 0, -8), epoch("d", 1, -3)), C);
    assertThat(one.outcome(C)).isEqualTo(RunRecovery.Outcome.TOO_FEW_EPOCHS);
  }

  @Test
  void allSplitsRowsByRunInTheOrderRunsFirstAppear() {
    List<RunRecovery> runs = RunRecovery.all(List.of(epoch("projected", 0, -8), epoch("dense", 0, -8),
        epoch("projected", 1, -0.1), epoch("dense", 1, -2)), C);
    assertThat(runs).extracting(RunRecovery::run).containsExactly("projected", "dense");
    assertThat(runs).extracting(RunRecovery::epochsToRecover).containsExactly(1, null);
  }
}
