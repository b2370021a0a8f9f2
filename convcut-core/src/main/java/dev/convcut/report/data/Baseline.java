package dev.convcut.report.data;

import dev.convcut.ConvcutException;
import dev.convcut.io.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The untruncated model's accuracy: the {@code baseline} row of sweep.csv or global.csv.
 *
 * @param top5 NaN when not recorded
 * @param loss NaN when not recorded
 * @param evalSamples -1 when not recorded
 */
public record Baseline(double top1, double top5, double loss, long evalSamples) {
  public Baseline {
    Checks.fraction("top1", top1);
    Checks.optionalFraction("top5", top5);
  }

  /** The level label of a baseline row. */
  public static final String LEVEL = "baseline";

  static boolean isBaseline(CsvTable.Row row) {
    return LEVEL.equals(row.text("level"));
  }

  /** The table's one baseline row, or null when it has none; a second one is an error. */
  static Baseline find(CsvTable table) {
    Baseline found = null;
    for (CsvTable.Row r : table.rows()) {
      if (isBaseline(r)) {
        if (found != null) {
          throw new ConvcutException(table.file() + ": line " + r.line() + ": a second baseline row");
        }
        found = of(r);
      }
    }
    return found;
  }

  /**
   * Builds every row but the baseline row with {@code of}; when there is a baseline, each row's
   * delta_top1 must agree with its top1 (see {@link #checkDelta}).
   */
  static <T> List<T> truncated(CsvTable table, Baseline baseline, Function<CsvTable.Row, T> of,
      ToDoubleFunction<T> top1, ToDoubleFunction<T> deltaTop1) {
    List<T> out = new ArrayList<>();
    for (CsvTable.Row r : table.rows()) {
      if (!isBaseline(r)) {
        T t = of.apply(r);
        if (baseline != null) {
          baseline.checkDelta(r, top1.applyAsDouble(t), deltaTop1.applyAsDouble(t));
        }
        out.add(t);
      }
    }
    return out;
  }

  static Baseline of(CsvTable.Row row) {
    return row.build(() -> new Baseline(row.number("top1"), row.numberOrNaN("top5"), row.numberOrNaN("loss"),
        row.integerOr("eval_samples", -1)));
  }

  /** Checks that a row's delta_top1 is top1 − baseline top1 in points, catching a writer that used fractions. */
  void checkDelta(CsvTable.Row row, double top1, double deltaTop1) {
    checkDelta(row, top1, this.top1, deltaTop1);
  }

  static void checkDelta(CsvTable.Row row, double top1, double baselineTop1, double deltaTop1) {
    double expected = 100 * (top1 - baselineTop1);
    if (Math.abs(deltaTop1 - expected) > 1e-3) {
      throw row.error("delta_top1", deltaTop1 + " disagrees with 100 * (top1 - baseline top1) = " + expected
          + "; delta_top1 is in percentage points");
    }
  }
}
