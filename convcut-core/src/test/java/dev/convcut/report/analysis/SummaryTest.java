package dev.convcut.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void printsAHeadingAndOneAsciiLinePerFinding() {
    Findings f = new Findings(Criteria.defaults(), 0.9123, List.of(), null, List.of(), null, List.of(),
        new Finding(Findings.DEEPER_LAYERS, Verdict.HELD, "rho = +1.00"),
        new Finding(Findings.NORM_LOSS, Verdict.DID_NOT_HOLD, "0 of 4 layers"),
        new Finding(Findings.RECOVERY, Verdict.INCONCLUSIVE, "the run has no re-training (retrain.csv)"), List.of(), List.of(), List.of(),
        null);
    assertThat(Summary.format(f)).isEqualTo("""
        Findings from the measured numbers (no accuracy loss = top-1 within 0.5 points of the baseline, 91.23%):
        - Deeper layers tolerate more norm loss: HELD. rho = +1.00.
        - Norm can be lost without accuracy loss: DID NOT HOLD. 0 of 4 layers.
        - Re-training recovers within a few epochs: INCONCLUSIVE. the run has no re-training (retrain.csv).
        """);
  }
}
