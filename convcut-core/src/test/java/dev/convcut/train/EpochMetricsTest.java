package dev.convcut.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpochMetricsTest {

  private final EpochMetrics evaluated = new EpochMetrics(2, 0.0989074, 0.346982, 0.872283, 0.386196, 0.8561, 0.9981, 102.2, 586.8);
  private final EpochMetrics notEvaluated = new EpochMetrics(3, 0.05, 0.3, 0.9, Double.NaN, Double.NaN, Double.NaN, 90, 600);

  @Test
  void csvRowsLeaveMissingTestMetricsEmpty() {
    assertThat(EpochMetrics.csv(List.of(evaluated, notEvaluated))).isEqualTo(EpochMetrics.HEADER + "\n"
        + "2,0.0989074,0.346982,0.872283,0.386196,0.856100,0.998100,102.2,586.8\n"
        + "3,0.0500000,0.300000,0.900000,,,,90.0,600.0\n");
  }

  @Test
  void summaryIsReadableWithPercentages() {
    assertThat(evaluated.summary()).isEqualTo(
        "lr 0.09891, train loss 0.3470 top-1 87.23 %, test loss 0.3862 top-1 85.61 % top-5 99.81 %, 102 s (587 img/s)");
    assertThat(notEvaluated.summary()).contains("test not evaluated");
  }
}
