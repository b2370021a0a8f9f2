package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  record Result(int code, String out, String err) {}

  @Test
  void helpListsTheCommandsAndExitsZero() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: convcut");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitCodeTwo() {
    Result r = run("--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--no-such-option");
  }

  @Test
  void versionNamesConvcutAndJava() {
    Result r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("convcut").contains("Java");
  }
}
