package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logModePrintsPlainLinesWithoutCarriageReturns() {
    try (Progress p = new Progress(err, Progress.Mode.LOG, 0L, "epoch 1/3", 300, "img")) {
      p.step(100, "loss 0.5");
      p.step(100, "loss 0.4");
      p.step(100, "loss 0.3");
    }
    String[] lines = printed().split("\n");
    assertThat(printed()).doesNotContain("\r");
    // the last step completes the work: the caller prints its own summary, so no line for it
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("epoch 1/3 [########----------------] 100/300").endsWith("loss 0.5");
    assertThat(lines[1]).contains("200/300").endsWith("loss 0.4");
  }

  @Test
  void logModeWaitsForTheInterval() {
    try (Progress p = new Progress(err, Progress.Mode.LOG, 3_600_000_000_000L, "sweep", 10, "img")) {
      for (int i = 0; i < 9; i++) {
        p.step(1, "");
      }
    }
    assertThat(printed()).isEmpty();
  }

  @Test
  void terminalModeRedrawsInPlaceAndErasesOnClose() {
    try (Progress p = new Progress(err, true, "eval", 2, "img")) {
      p.step(2, "top1 0.9");
    }
    assertThat(printed()).startsWith("\reval [########################] 2/2").doesNotContain("\n").endsWith("\r");
  }

  @Test
  void offModePrintsNothing() {
    try (Progress p = new Progress(err, false, "eval", 2, "img")) {
      p.step(1, "x");
      p.step(1, "y");
    }
    assertThat(printed()).isEmpty();
  }

  @Test
  void formatsLongDurationsWithHours() {
    assertThat(Progress.format(java.time.Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    assertThat(Progress.format(java.time.Duration.ofSeconds(125))).isEqualTo("02:05");
  }
}
