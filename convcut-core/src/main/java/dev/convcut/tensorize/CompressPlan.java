package dev.convcut.tensorize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.InvalidRequestException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selection an earlier {@code convcut compress} run made — per layer, the method and the ranks
 * its {@code compress.json} records — to apply again: the same selection reproduced exactly (the
 * automatic mode's speed gate times candidates, so two runs near its threshold can choose
 * differently), or carried over to another checkpoint of the same architecture. Layers the file
 * shows as dense, or as factorized already in that run's input, are not part of the plan.
 *
 * @param source the compress.json read
 * @param layers layer name → method and explicit ranks, in the file's order
 */
public record CompressPlan(Path source, Map<String, CompressRequest.Manual> layers) {
  public CompressPlan {
    layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
  }

  /** Reads {@code path}: a compress.json, or a checkpoint directory that holds one. */
  public static CompressPlan read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(CompressRun.JSON) : path;
    if (!Files.isRegularFile(file)) {
      throw new InvalidRequestException(Setting.PLAN, " " + path + ": no " + (Files.isDirectory(path) ? CompressRun.JSON + " in that directory"
          : "such file") + "; give the compress.json of an earlier compress run, or its output directory");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidRequestException(Setting.PLAN, " " + file + " is not readable JSON: " + e.getMessage());
    }
    JsonNode rows = root == null ? null : root.get("layers");
    if (rows == null || !rows.isArray()) {
      throw new InvalidRequestException(Setting.PLAN, " " + file + " has no \"layers\" array; it is not a compress.json");
    }
    Map<String, CompressRequest.Manual> layers = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String layer = text(file, row, i, "layer");
      String method = text(file, row, i, "method");
      if (method.equals("dense") || method.endsWith("(input)")) {
        continue;
      }
      Words where = Words.of(Setting.PLAN, " " + file + ", layer " + layer);
      Method m;
      try {
        m = Method.parse(method);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(where, ": " + e.getMessage());
      }
      RankRequest ranks;
      try {
        ranks = new RankRequest(parseRanks(text(file, row, i, "ranks")), null);
        ranks.ranksFor(m);
      } catch (IllegalArgumentException | InvalidRequestException e) {
        throw new InvalidRequestException(where, ": ranks '" + row.get("ranks").asText() + "': ", Words.reason(e));
      }
      if (layers.put(layer, new CompressRequest.Manual(m, ranks)) != null) {
        throw new InvalidRequestException(where, ": listed twice");
      }
    }
    if (layers.isEmpty()) {
      throw new InvalidRequestException(Setting.PLAN, " " + file + " factorizes no layer: nothing to apply");
    }
    return new CompressPlan(file, layers);
  }

  private static String text(Path file, JsonNode row, int i, String field) {
    JsonNode v = row.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new InvalidRequestException(Setting.PLAN, " " + file + ": layers[" + i + "] has no \"" + field + "\" text");
    }
    return v.asText().trim();
  }

  private static List<Integer> parseRanks(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        out.add(Integer.parseInt(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + part.trim() + "' is not a whole number");
      }
    }
    return out;
  }
}
