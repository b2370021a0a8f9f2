package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpectrumSummaryTest {
  @Test
  void eachLayerGetsARowOfEntropiesPerCutWithDashesForTrivialCuts() {
    List<String> lines = SpectrumSummary.format(SpectrumFixtures.report()).lines().toList();
    assertThat(lines.get(0)).contains("entanglement entropy S (nats)");
    assertThat(lines.get(1).split("\\s+")).containsExactly("layer", "shape", "o|ihw", "ohw|i", "oiw|h", "oih|w", "oi|hw", "oh|iw", "ow|ih", "o|i");
    // p = (0.8, 0.2): S = 0.500 nats.
    assertThat(lines.get(2).split("\\s+")).containsExactly("features.0", "2x1x2x1", "0.500", "-", "0.500", "-", "0.500", "-", "0.500", "-");
    assertThat(lines.get(3).split("\\s+")).containsExactly("classifier", "3x2", "-", "-", "-", "-", "-", "-", "-", "0.000");
  }

  @Test
  void columnsLineUp() {
    List<String> lines = SpectrumSummary.format(SpectrumFixtures.report()).lines().toList();
    assertThat(lines.get(2).indexOf("0.500")).isEqualTo(lines.get(1).indexOf("o|ihw"));
    assertThat(lines.get(1).length()).isEqualTo(lines.get(2).length());
  }
}
