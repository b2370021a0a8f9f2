package dev.convcut.api;

import dev.convcut.study.GlobalRow;
import java.util.List;

/**
 * A global truncation sweep's rows (docs/science.md, experiment 3), in the order and with the
 * columns of {@code global.csv} (docs/formats.md) less its baseline row: per cut and level, how
 * many layers took part, their mean and largest norm loss, the parameters before and after, and
 * the score. Rows whose layers keep the same ranks share one evaluation ({@link
 * GlobalRow#evaluation()} names it). With a {@link ModelEvaluator} the score's top-1 is the
 * evaluator's value and top-5 and loss are not measured (NaN).
 *
 * @param baseline the untruncated model's score
 */
public record GlobalSweepResult(double baseline, List<GlobalRow> rows) {
  public GlobalSweepResult {
    rows = List.copyOf(rows);
  }

  /** The rows of {@code cut} ({@code "o|ihw"}), one per level. */
  public List<GlobalRow> cut(String cut) {
    return rows.stream().filter(r -> r.cut().equals(cut)).toList();
  }
}
