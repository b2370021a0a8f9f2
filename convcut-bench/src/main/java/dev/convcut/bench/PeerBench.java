package dev.convcut.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the PyTorch reference benchmark (torch_bench.py) with Debian's python3-torch, when both
 * are present, and reads its JSON lines. The child inherits this process's environment (thread
 * and allocator settings included), so both sides run under the same conditions.
 */
public final class PeerBench {
  private static final Logger LOG = LoggerFactory.getLogger(PeerBench.class);

  private PeerBench() {}

  /** The script to run: {@code explicit} if given, else {@link #shipped bench/torch_bench.py}. */
  public static Optional<Path> locate(Path explicit) {
    Path p = explicit != null ? explicit : shipped("torch_bench.py");
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * A peer script shipped in the repository's {@code bench/}: under the working directory when it
   * is there, else under the checkout the {@code convcut} launcher runs from (it passes
   * {@code -Dconvcut.home}), so the peers are found from any directory.
   */
  public static Path shipped(String script) {
    Path here = Path.of("bench", script);
    String home = System.getProperty("convcut.home");
    if (Files.isRegularFile(here) || home == null) {
      return here;
    }
    return Path.of(home, "bench", script);
  }

  /** Whether {@code python} can import torch. */
  public static boolean available(String python) {
    try {
      Process p = new ProcessBuilder(python, "-c", "import torch, torchvision").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs the script for {@code models} with the same batch, steps, warm-up, threads, input and
   * stem; without {@code train}, evaluation only.
   */
  public static List<SpeedResult> run(String python, Path script, List<String> models, int batch, int steps, int warmup,
      int threads, int channels, int size, int classes, String stem, boolean train) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--models", String.join(",", models), "--batch",
        Integer.toString(batch), "--steps", Integer.toString(steps), "--warmup", Integer.toString(warmup), "--threads",
        Integer.toString(threads), "--channels", Integer.toString(channels), "--size", Integer.toString(size), "--classes",
        Integer.toString(classes), "--stem", stem));
    if (!train) {
      cmd.add("--eval-only");
    }
    LOG.info("running the PyTorch reference: {}", String.join(" ", cmd));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(script + " exited with status " + p.exitValue());
    }
    List<SpeedResult> results = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode j = Json.mapper().readTree(line);
      results.add(new SpeedResult(j.get("impl").asText(), j.get("model").asText(), j.get("batch").asInt(),
          j.get("threads").asInt(), j.get("params").asLong(), number(j, "train_img_s"), number(j, "eval_img_s"), Double.NaN,
          Double.NaN, Double.NaN, number(j, "peak_train_mib"), number(j, "peak_mib")));
    }
    return results;
  }

  /** A number of the peer's line; NaN where it is null or absent (an older script). */
  private static double number(JsonNode line, String field) {
    JsonNode v = line.get(field);
    return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
  }
}
