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

  /** Where the figures come from, for the report (e.g. {@code measured on fashion-mnist/test: 1000 of 10000 images}). */
  String source();

  /** This table, and {@code fallback} for the candidates it does not know. */
  default SensitivityTable orElse(SensitivityTable fallback) {
    SensitivityTable first = this;
    return new SensitivityTable() {
      @Override
      public Map<Candidate, Double> deltas(String layer, List<Candidate> candidates) {
        Map<Candidate, Double> known = new LinkedHashMap<>(first.deltas(layer, candidates));
        List<Candidate> rest = candidates.stream().filter(c -> !known.containsKey(c)).toList();
        if (!rest.isEmpty()) {
          known.putAll(fallback.deltas(layer, rest));
        }
        return known;
      }

      @Override
      public String source() {
        return first.source() + ", else " + fallback.source();
      }
    };
  }
}
