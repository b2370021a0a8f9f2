package dev.convcut.tensorize.select;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-layer sensitivity: the change in top-1 accuracy (percentage points, negative = worse) when
 * only one layer is replaced by a candidate factorization and everything else stays dense.
 * Implementations may know only some candidates (a sweep covers single cuts only); {@link
 * #orElse} fills the gaps from another table.
 */
public interface SensitivityTable {

  /** The candidates of {@code layer} this table knows, with their {@code delta_top1}; unknown ones are absent. */
  Map<Candidate, Double> deltas(String layer, List<Candidate> candidates);

  /**
   * The candidates of each layer this table knows, layer by layer; a table that can measure many
   * layers at once (on a cluster) does so here.
   */
  default Map<String, Map<Candidate, Double>> deltas(Map<String, List<Candidate>> byLayer) {
    Map<String, Map<Candidate, Double>> out = new LinkedHashMap<>();
    byLayer.forEach((layer, candidates) -> out.put(layer, deltas(layer, candidates)));
    return out;
  }

  /** Where the figures come from, for the report (e.g. {@code measured on fashion-mnist/test: 1000 of 10000 images}). */
  String source();

  /** This table, and {@code fallback} for the candidates it does not know. */
  default SensitivityTable orElse(SensitivityTable fallback) {
    SensitivityTable first = this;
    return new SensitivityTable() {
      @Override
      public Map<Candidate, Double> deltas(String layer, List<Candidate> candidates) {
        return deltas(Map.of(layer, candidates)).get(layer);
      }

      @Override
      public Map<String, Map<Candidate, Double>> deltas(Map<String, List<Candidate>> byLayer) {
        Map<String, Map<Candidate, Double>> known = first.deltas(byLayer);
        Map<String, List<Candidate>> rest = new LinkedHashMap<>();
        byLayer.forEach((layer, candidates) -> {
          List<Candidate> unknown = candidates.stream().filter(c -> !known.get(layer).containsKey(c)).toList();
          if (!unknown.isEmpty()) {
            rest.put(layer, unknown);
          }
        });
        Map<String, Map<Candidate, Double>> measured = rest.isEmpty() ? Map.of() : fallback.deltas(rest);
        Map<String, Map<Candidate, Double>> out = new LinkedHashMap<>();
        byLayer.keySet().forEach(layer -> {
          Map<Candidate, Double> all = new LinkedHashMap<>(known.get(layer));
          all.putAll(measured.getOrDefault(layer, Map.of()));
          out.put(layer, all);
        });
        return out;
      }

      @Override
      public String source() {
        return first.source() + ", else " + fallback.source();
      }
    };
  }
}
