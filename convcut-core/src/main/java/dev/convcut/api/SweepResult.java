package dev.convcut.api;

import dev.convcut.study.SweepRow;
import java.util.List;

/**
 * A layer-wise sweep's rows, in the order and with the columns {@code sweep.csv} has
 * (docs/formats.md): per layer, cut and level the rank kept, norm loss, relative error,
 * discarded weight and the score. With a {@link ModelEvaluator} the score's top-1 is the
 * evaluator's value (a fraction in [0, 1]) and top-5 and loss are not measured (NaN).
 *
 * @param baseline the untruncated model's score
 */
public record SweepResult(double baseline, List<SweepRow> rows) {
  public SweepResult {
    rows = List.copyOf(rows);
  }

  /** The rows of {@code layer}. */
  public List<SweepRow> layer(String layer) {
    return rows.stream().filter(r -> r.layer().equals(layer)).toList();
  }
}
