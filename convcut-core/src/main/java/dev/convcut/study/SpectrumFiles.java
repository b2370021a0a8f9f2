package dev.convcut.study;

import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Json;
import dev.convcut.tensor.spectrum.CutEntry;
import dev.convcut.tensor.spectrum.LayerSpectrum;
import dev.convcut.tensor.spectrum.SpectrumReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SpectrumReport} as docs/formats.md fixes it: {@code spectrum.csv} (one row per
 * layer and non-trivial cut: entropies and matrix shape) and {@code singular_values.json} (every
 * singular value per layer and cut), each atomically. {@code depth} is the layer's position in
 * the report, so the report must list every conv and linear layer in forward order.
 */
public final class SpectrumFiles {
  /** The metrics file. */
  public static final String CSV = "spectrum.csv";
  /** The singular values file. */
  public static final String JSON = "singular_values.json";

  /** The columns of spectrum.csv; formats.md's first, convcut's additions at the end. */
  public static final List<String> COLUMNS = List.of("layer", "depth", "shape", "cut", "rows", "cols", "full_rank", "entropy",
      "renyi2", "effective_rank", "normalized_entropy", "numerical_rank", "same_as");

  private SpectrumFiles() {}

  /** Writes both files into {@code dir} (created if needed) and returns their paths. */
  public static List<Path> write(SpectrumReport report, Path dir) {
    Path csv = dir.resolve(CSV);
    Path json = dir.resolve(JSON);
    AtomicFiles.writeString(csv, csv(report));
    AtomicFiles.writeString(json, json(report));
    return List.of(csv, json);
  }

  /** The text of spectrum.csv. */
  public static String csv(SpectrumReport report) {
    StringBuilder b = new StringBuilder(Csv.row(COLUMNS));
    List<LayerSpectrum> layers = report.layers();
    for (int depth = 0; depth < layers.size(); depth++) {
      LayerSpectrum l = layers.get(depth);
      for (CutEntry e : l.cuts()) {
        b.append(Csv.row(Arrays.asList(l.layer(), depth, Csv.shape(l.shape()), e.cut(), e.rows(), e.cols(), e.fullRank(),
            e.entropies().entropy(), e.entropies().renyi2(), e.entropies().effectiveRank(),
            e.fullRank() > 1 ? e.entropies().normalizedEntropy() : null, e.numericalRank(), e.sameAs())));
      }
    }
    return b.toString();
  }

  /** The text of singular_values.json: {@code {"layers": [{"layer", "shape", "cuts": {cut: [s...]}}], "svd"}}. */
  public static String json(SpectrumReport report) {
    List<Map<String, Object>> layers = new ArrayList<>();
    for (LayerSpectrum l : report.layers()) {
      Map<String, Object> cuts = new LinkedHashMap<>();
      for (CutEntry e : l.cuts()) {
        cuts.put(e.cut().toString(), e.singularValues());
      }
      Map<String, Object> layer = new LinkedHashMap<>();
      layer.put("layer", l.layer());
      layer.put("shape", l.shape());
      layer.put("cuts", cuts);
      layers.add(layer);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("layers", layers);
    root.put("svd", report.svd());
    return Json.write(root);
  }
}
