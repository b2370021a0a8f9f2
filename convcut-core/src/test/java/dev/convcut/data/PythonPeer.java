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
 * Debian's python3 with the modules a test compares with (Pillow, numpy and torchvision for the
 * image tests, onnx for the ONNX checker). Without python or a module the tests are skipped,
 * except under CI=true, where that is a failure (CI installs them).
 */
public final class PythonPeer {
  /** The interpreter: system property convcut.python, else environment CONVCUT_PYTHON, else Debian's. */
  public static final String PYTHON = System.getProperty("convcut.python",
      System.getenv().getOrDefault("CONVCUT_PYTHON", "/usr/bin/python3"));

  private PythonPeer() {}

  /** The image tests' modules. */
  public static final List<String> IMAGE_MODULES = List.of("PIL", "numpy", "torch", "torchvision");

  /** Skips the test (fails it under CI=true) unless {@code python3} can import PIL, numpy, torch and torchvision. */
  public static void require() {
    require(IMAGE_MODULES);
  }

  /** Skips the test (fails it under CI=true) unless {@code python3} can import every one of {@code modules}. */
  public static void require(List<String> modules) {
    String why;
    String imports = String.join(", ", modules);
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import " + imports).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      why = p.waitFor() == 0 ? null : PYTHON + " lacks a module: " + out.strip();
    } catch (IOException e) {
      why = PYTHON + " cannot be started: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why = "interrupted";
    }
    if (why != null) {
      String msg = why + " (apt install " + String.join(" ", modules.stream().map(PythonPeer::debianPackage).toList()) + ")";
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true and the python reference (" + imports + ") is unavailable: " + msg);
      }
      Assumptions.abort("skipped, python reference (" + imports + ") unavailable: " + msg);
    }
  }

  /** Debian's package of a python module. */
  private static String debianPackage(String module) {
    return "python3-" + module.toLowerCase(java.util.Locale.ROOT);
  }

  /** Runs {@code args} with the image modules required; see {@link #run(List, List, Path, int)}. */
  public static void run(List<String> args, Path log, int timeoutSeconds) throws IOException, InterruptedException {
    run(IMAGE_MODULES, args, log, timeoutSeconds);
  }

  /**
   * Runs {@code args} (python3 is prepended) once {@code modules} are importable, its output into
   * {@code log}; fails the test on a non-zero status.
   */
  public static void run(List<String> modules, List<String> args, Path log, int timeoutSeconds)
      throws IOException, InterruptedException {
    require(modules);
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
