package dev.convcut.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the PyTorch peer of the naive sweep ({@code bench/torch_sweep_peer.py}): the same model,
 * rows per layer, images, batch and threads, one full forward per row.
 */
public final class SweepPeer {
  private SweepPeer() {}

  /** The peer's figures: its implementation, rows run and seconds. */
  public record Result(String impl, int rows, int images, double seconds) {
    public double perRow() {
      return seconds / rows;
    }
  }

  public static Result run(String python, Path script, ModelSpec spec, Map<String, Integer> rowsPerLayer, int images, int batch,
      int threads) throws IOException, InterruptedException {
    List<String> rows = new ArrayList<>();
    rowsPerLayer.forEach((l, n) -> rows.add(l + "=" + n));
    List<String> cmd = List.of(python, script.toString(), "--model", spec.model(), "--rows", String.join(",", rows), "--images",
        Integer.toString(images), "--batch", Integer.toString(batch), "--threads", Integer.toString(threads), "--channels",
        Integer.toString(spec.channels()), "--size", Integer.toString(spec.size()), "--classes", Integer.toString(spec.classes()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      throw new IOException(script + " exited with status " + p.exitValue());
    }
    JsonNode j = Json.mapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    return new Result(j.get("impl").asText(), j.get("rows").asInt(), j.get("images").asInt(), j.get("seconds").asDouble());
  }
}
