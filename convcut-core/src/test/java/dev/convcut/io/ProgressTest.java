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
  void progressIsDrawnOnlyWhenStderrIsATerminal() {
    assertThat(Progress.modeFor(true, "/dev/pts/3", "xterm-256color")).isEqualTo(Progress.Mode.TERMINAL);
    assertThat(Progress.modeFor(true, "/home/me/train.log", "xterm-256color")).as("2> train.log").isEqualTo(Progress.Mode.OFF);
    assertThat(Progress.modeFor(false, null, "xterm")).as("> out 2> err, a pipe, nohup").isEqualTo(Progress.Mode.OFF);
    assertThat(Progress.modeFor(true, "/dev/pts/3", "dumb")).isEqualTo(Progress.Mode.OFF);
  }

  @Test
  void aRedirectedStderrGetsNoProgressLines() {
    // The tests' stderr is a pipe to Maven, not a terminal.
    PrintStream saved = System.err;
    System.setErr(err);
    try (Progress p = new Progress("epoch 1/1", 10, "img")) {
      assertThat(p.mode()).isEqualTo(Progress.Mode.OFF);
      p.step(10, "loss 0.1");
    } finally {
      System.setErr(saved);
    }
    assertThat(printed()).isEmpty();
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
