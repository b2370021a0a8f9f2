package dev.convcut.bench;

import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gate every benchmark's Python peer passes before it is timed: the BLAS/LAPACK its numpy or
 * torch loads must be an optimized one (OpenBLAS, MKL, ...), never Debian's reference (netlib)
 * BLAS, which would make convcut look many times faster than a user's numpy or PyTorch is. The
 * check itself is {@code bench/peer_blas.py} (shipped in this jar), which the timed peer scripts
 * also run on their own.
 */
public final class PeerBlas {
  /** The script's exit status for a refused (reference) BLAS. */
  static final int REFUSED = 3;
  private static final String SCRIPT = "peer_blas.py";

  private PeerBlas() {}

  /**
   * Runs the check in {@code python} after importing {@code modules} and returns its one-line
   * verdict (the modules' versions and the BLAS library loaded), for the benchmark's report.
   *
   * @throws ConvcutException naming the reference library and the package to install when the
   *     peer would run on the reference BLAS, or when the check cannot run at all
   */
  public static String require(String python, List<String> modules) {
    return require(python, modules, Map.of());
  }

  /** As {@link #require(String, List)}, with {@code environment} added to the child's (tests preload a library). */
  static String require(String python, List<String> modules, Map<String, String> environment) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("convcut-peer-blas");
      Path script = dir.resolve(SCRIPT);
      try (InputStream in = PeerBlas.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new ConvcutException(SCRIPT + " is missing from convcut's jar; rebuild convcut");
        }
        Files.write(script, in.readAllBytes());
      }
      List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
      cmd.addAll(modules);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().putAll(environment);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new ConvcutException("checking the peer's BLAS with " + python + " took longer than 2 minutes");
      }
      String last = out.lines().reduce((a, b) -> b).orElse("");
      if (p.exitValue() == REFUSED) {
        throw new ConvcutException(Words.of("the Python peer (" + python + ") is refused: " + last
            + "; or time convcut alone with ", Setting.NO_PEER));
      }
      if (p.exitValue() != 0) {
        throw new ConvcutException("could not check the peer's BLAS: " + String.join(" ", cmd) + " failed (exit " + p.exitValue()
            + "): " + last);
      }
      return last;
    } catch (IOException e) {
      throw new ConvcutException("could not check the peer's BLAS with " + python + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvcutException("interrupted while checking the peer's BLAS");
    } finally {
      if (dir != null) {
        try {
          Files.deleteIfExists(dir.resolve(SCRIPT));
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // a temporary folder left behind is harmless
        }
      }
    }
  }
}
