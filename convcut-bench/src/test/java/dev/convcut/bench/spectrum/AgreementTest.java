package dev.convcut.bench.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTest {
  @Test
  void identicalValuesAgreeExactly() {
    Map<String, double[]> v = Map.of("conv00/o|ihw", new double[] {3, 2, 1});
    Agreement a = Agreement.compare(v, v, false);
    assertThat(a.ok()).isTrue();
    assertThat(a.maxRelative()).isZero();
    assertThat(a.values()).isEqualTo(3);
  }

  @Test
  void theWorstRelativeDifferenceIsFoundAndJudgedAgainstOneInAMillion() {
    Map<String, double[]> numpy = Map.of("a/o|ihw", new double[] {10, 1e-3}, "b/oi|hw", new double[] {5, 4});
    Map<String, double[]> ours = Map.of("a/o|ihw", new double[] {10, 1.00001e-3}, "b/oi|hw", new double[] {5, 4});
    Agreement a = Agreement.compare(ours, numpy, false);
    assertThat(a.maxRelative()).isCloseTo(1e-5, within(1e-12));
    assertThat(a.worst()).isEqualTo("a/o|ihw s[1]");
    assertThat(a.ok()).isFalse();
    // In float32 the bar is relative to s1: 1e-8 / 10 passes.
    assertThat(Agreement.compare(ours, numpy, true).ok()).isTrue();
  }

  @Test
  void differentCutSetsAreReportedByName() {
    assertThatThrownBy(() -> Agreement.compare(Map.of("a/o|ihw", new double[] {1}), Map.of("a/oi|hw", new double[] {1}), false))
        .hasMessageContaining("only convcut [a/o|ihw]")
        .hasMessageContaining("only numpy [a/oi|hw]");
  }
}
