package dev.convcut.report.data;

import dev.convcut.io.CsvTable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layer-wise sweep as read from sweep.csv.
 *
 * @param baseline the baseline row, or null when the file has none
 */
public record Sweep(Baseline baseline, List<SweepPoint> points) {
  public Sweep {
    points = List.copyOf(points);
  }

  /**
   * Reads a sweep.csv; its delta_top1 values must agree with top1 and the baseline row, and each
   * layer must keep one depth.
   */
  public static Sweep read(Path file) {
    CsvTable table = CsvTable.read(file).require(SweepPoint.REQUIRED);
    Baseline baseline = Baseline.find(table);
    Map<String, CsvTable.Row> firstRowOf = new HashMap<>();
    List<SweepPoint> points = Baseline.truncated(table, baseline, r -> {
      SweepPoint p = SweepPoint.of(r);
      CsvTable.Row first = firstRowOf.putIfAbsent(p.layer(), r);
      if (first != null && first.integer("depth") != p.depth()) {
        throw r.error("depth", "layer " + p.layer() + " has depth " + p.depth() + " here but " + first.integer("depth")
            + " on line " + first.line());
      }
      return p;
    }, SweepPoint::top1, SweepPoint::deltaTop1);
    return new Sweep(baseline, points);
  }
}
