package dev.convcut.bench.spectrum;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.ConvcutException;
import dev.convcut.bench.PeerBlas;
import dev.convcut.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The numpy side of {@code bench spectrum}: the peer script {@code numpy_cuts.py} (its timing)
 * and a small numpy computation of the same singular values (the agreement check), both run by
 * the given Python. Never a dependency of convcut: absent Python or numpy is reported, not fatal.
 */
public final class NumpyPeer {
  /** The peer's script in its directory. */
  public static final String SCRIPT = "numpy_cuts.py";
  private static final long TIMEOUT_MINUTES = 60;

  private final Path python;
  private final Path script;

  private NumpyPeer(Path python, Path script) {
    this.python = python;
    this.script = script;
  }

  /** What the peer printed: numpy's version, SVD count and seconds. */
  public record Timing(String impl, int svds, double seconds) {}

  /**
   * The peer in {@code peerDir} run by {@code python}, or why it cannot run (no script, no
   * Python, no numpy) — a sentence to print in place of its figures.
   *
   * @throws ConvcutException when that Python's numpy runs on the reference BLAS ({@link PeerBlas})
   */
  public static Availability locate(Path python, Path peerDir) {
    Path script = peerDir.resolve(SCRIPT);
    if (!Files.isRegularFile(script)) {
      return Availability.none("no " + SCRIPT + " in " + peerDir + " (pass --peer DIR)");
    }
    if (!Files.isExecutable(python)) {
      return Availability.none(python + " is not there; install Python 3 with numpy to measure the peer");
    }
    try {
      Process p = new ProcessBuilder(python.toString(), "-c", "import numpy").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
        return Availability.none(python + " has no numpy (" + out.strip().lines().reduce((a, b) -> b).orElse("") + ")");
      }
    } catch (IOException e) {
      return Availability.none("could not run " + python + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Availability.none("interrupted while checking " + python);
    }
    return new Availability(new NumpyPeer(python, script), null, PeerBlas.require(python.toString(), List.of("numpy")));
  }

  /** Either a runnable peer and the BLAS its numpy loads, or the reason there is none. */
  public record Availability(NumpyPeer peer, String whyNot, String blas) {
    static Availability none(String whyNot) {
      return new Availability(null, whyNot, null);
    }

    public Optional<NumpyPeer> get() {
      return Optional.ofNullable(peer);
    }
  }

  /** Runs {@code numpy_cuts.py --npz kernels [--vectors] --dtype dtype} and reads its JSON line. */
  public Timing time(Path kernels, boolean vectors, String dtype) {
    List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), "--npz", kernels.toString(), "--dtype", dtype));
    if (vectors) {
      cmd.add("--vectors");
    }
    String out = run(cmd);
    String last = out.strip().lines().reduce((a, b) -> b).orElse("");
    try {
      JsonNode j = Json.mapper().readTree(last);
      return new Timing(j.get("impl").asText(), j.get("svds").asInt(), j.get("seconds").asDouble());
    } catch (IOException | NullPointerException e) {
      throw new ConvcutException(script + " printed no JSON timing line; its output ended with: " + last);
    }
  }

  /** numpy's singular values of every non-trivial cut: {@code "<array>/<cut>" → values}. */
  public Map<String, double[]> singularValues(Path kernels, String dtype, Path workDir) {
    Path helper = workDir.resolve("numpy_singular_values.py");
    Path out = workDir.resolve("numpy_singular_values.json");
    try (InputStream in = NumpyPeer.class.getResourceAsStream("numpy_singular_values.py")) {
      Files.write(helper, in.readAllBytes());
    } catch (IOException e) {
      throw new ConvcutException("could not write " + helper + ": " + e.getMessage(), e);
    }
    run(List.of(python.toString(), helper.toString(), kernels.toString(), dtype, out.toString()));
    try {
      return Json.mapper().readValue(out.toFile(), new TypeReference<Map<String, double[]>>() {});
    } catch (IOException e) {
      throw new ConvcutException(out + ": could not read numpy's singular values: " + e.getMessage(), e);
    }
  }

  private static String run(List<String> cmd) {
    try {
      Path log = Files.createTempFile("convcut-peer", ".log");
      try {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new ConvcutException(String.join(" ", cmd) + " ran longer than " + TIMEOUT_MINUTES + " minutes");
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
          throw new ConvcutException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + out.strip());
        }
        return out;
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new ConvcutException("could not run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvcutException("interrupted while running " + cmd.get(1));
    }
  }
}
