package dev.convcut.report.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.ConvcutException;
import dev.convcut.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer's singular values along each of its cuts, from singular_values.json
 * ({@code {"layers": [{"layer": ..., "shape": [...], "cuts": {"o|ihw": [s1, s2, ...]}}]}}).
 *
 * @param cuts per cut label, the singular values in descending order
 */
public record LayerSpectrum(String layer, List<Integer> shape, Map<String, double[]> cuts) {
  public LayerSpectrum {
    Checks.notBlank("layer", layer);
    shape = List.copyOf(shape);
    cuts = Collections.unmodifiableMap(new LinkedHashMap<>(cuts));
  }

  /** Reads a singular_values.json; errors name the file and the JSON path of the bad value. */
  public static List<LayerSpectrum> read(Path file) {
    JsonNode root = Json.readFile(file, JsonNode.class);
    JsonNode layers = root.path("layers");
    if (!layers.isArray()) {
      throw new ConvcutException(file + ": expected an array \"layers\" at the top level");
    }
    List<LayerSpectrum> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      out.add(layer(file, "layers[" + i + "]", layers.get(i)));
    }
    return out;
  }

  private static LayerSpectrum layer(Path file, String at, JsonNode node) {
    JsonNode name = node.path("layer");
    if (!name.isTextual() || name.asText().isBlank()) {
      throw new ConvcutException(file + ": " + at + ".layer: expected the layer's name");
    }
    List<Integer> shape = new ArrayList<>();
    for (JsonNode d : node.path("shape")) {
      if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 1) {
        throw new ConvcutException(file + ": " + at + ".shape: expected positive integers, got " + d);
      }
      shape.add(d.asInt());
    }
    JsonNode cuts = node.path("cuts");
    if (!cuts.isObject()) {
      throw new ConvcutException(file + ": " + at + ".cuts: expected an object of cut -> singular values");
    }
    Map<String, double[]> values = new LinkedHashMap<>();
    cuts.properties().forEach(e -> values.put(e.getKey(), values(file, at + ".cuts[\"" + e.getKey() + "\"]", e.getValue())));
    return new LayerSpectrum(name.asText(), shape, values);
  }

  private static double[] values(Path file, String at, JsonNode array) {
    if (!array.isArray() || array.isEmpty()) {
      throw new ConvcutException(file + ": " + at + ": expected a non-empty array of singular values");
    }
    double[] s = new double[array.size()];
    for (int j = 0; j < s.length; j++) {
      JsonNode v = array.get(j);
      if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
        throw new ConvcutException(file + ": " + at + "[" + j + "]: expected a finite non-negative number, got " + v);
      }
      s[j] = v.asDouble();
      if (j > 0 && s[j] > s[j - 1]) {
        throw new ConvcutException(file + ": " + at + "[" + j + "]: singular values must be in descending order, "
            + s[j] + " follows " + s[j - 1]);
      }
    }
    return s;
  }
}
