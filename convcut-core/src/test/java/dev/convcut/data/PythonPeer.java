package dev.convcut.data;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's python3 with Pillow, numpy and torchvision, the reference the image tests compare
 * with. Without python or a module the tests are skipped, except under CI=true, where that is a
 * failure (CI installs them).
 */
public final class PythonPeer {
  /** The interpreter: system property convcut.python, else environment CONVCUT_PYTHON, else Debian's. */
  public static final String PYTHON = System.getProperty("convcut.python",
      System.getenv().getOrDefault("CONVCUT_PYTHON", "/usr/bin/python3"));

  private PythonPeer() {}

  /** Skips the test (fails it under CI=true) unless {@code python3} can import PIL, numpy, torch and torchvision. */
  public static void require() {
    String why;
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import PIL, numpy, torch, torchvision").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      why = p.waitFor() == 0 ? null : PYTHON + " lacks a module: " + out.strip();
    } catch (IOException e) {
      why = PYTHON + " cannot be started: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted";
    }
    if (why != null) {
      String msg = why + " (apt install python3-pil python3-numpy python3-torch python3-torchvision)";
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true and the PIL/torchvision reference is unavailable: " + msg);
      }
      Assumptions.abort("skipped, PIL/torchvision reference unavailable: " + msg);
    }
  }

  /** Runs {@code args} (python3 is prepended), its output into {@code log}; fails the test on a non-zero status. */
  public static void run(List<String> args, Path log, int timeoutSeconds) throws IOException, InterruptedException {
    require();
    List<String> command = new java.util.ArrayList<>();
    command.add(PYTHON);
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
    }
    if (p.exitValue() != 0) {
      fail(String.join(" ", command) + " failed with status " + p.exitValue() + ":\n" + Files.readString(log));
    }
  }
}
