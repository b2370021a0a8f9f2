package dev.convcut.report.data;

import dev.convcut.io.CsvTable;
import java.nio.file.Path;
import java.util.List;

/**
 * The global truncation as read from global.csv.
 *
 * @param baseline the baseline row, or null when the file has none
 */
public record GlobalSweep(Baseline baseline, List<GlobalPoint> points) {
  public GlobalSweep {
    points = List.copyOf(points);
  }

  /** Reads a global.csv; its delta_top1 values must agree with top1 and the baseline row. */
  public static GlobalSweep read(Path file) {
    CsvTable table = CsvTable.read(file).require(GlobalPoint.REQUIRED);
    Baseline baseline = Baseline.find(table);
    return new GlobalSweep(baseline, Baseline.truncated(table, baseline, GlobalPoint::of, GlobalPoint::top1, GlobalPoint::deltaTop1));
  }
}
