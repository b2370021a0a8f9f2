package dev.convcut.report.plot;

import dev.convcut.report.analysis.Criteria;
import dev.convcut.report.analysis.Format;
import dev.convcut.report.data.CutOrder;
import dev.convcut.report.data.GlobalPoint;
import dev.convcut.report.data.GlobalSweep;
import java.util.Comparator;
import java.util.List;

/** Global truncation: top-1 against the mean norm loss over the truncated layers, one line per cut. */
public final class GlobalPlot {
  private GlobalPlot() {}

  /** The plot, or null when global.csv has no truncated rows. */
  public static Figure of(GlobalSweep global, Criteria criteria) {
    List<GlobalPoint> points = global.points();
    if (points.isEmpty()) {
      return null;
    }
    double baseline = 100 * points.get(0).top1() - points.get(0).deltaTop1();
    double maxEta = points.stream().mapToDouble(p -> 100 * p.normLossMean()).max().orElse(100);
    var chart = ChartStyle.xy("Global truncation: top-1 vs mean norm loss",
        "mean norm loss over the truncated layers (%)", "top-1 accuracy (%)");
    for (String cut : CutOrder.sorted(points.stream().map(GlobalPoint::cut).toList())) {
      List<GlobalPoint> line = points.stream().filter(p -> p.cut().equals(cut))
          .sorted(Comparator.comparingDouble(GlobalPoint::normLossMean)).toList();
      long layers = line.get(0).layers();
      ChartStyle.line(chart, cut + (layers > 0 ? " (" + layers + " layers)" : ""),
          line.stream().map(p -> 100 * p.normLossMean()).toList(), line.stream().map(p -> 100 * p.top1()).toList(),
          ChartStyle.cut(cut), true);
    }
    ChartStyle.horizontal(chart, "baseline " + Format.accuracy(baseline / 100), 0, maxEta,
        baseline, ChartStyle.BASELINE, false);
    ChartStyle.horizontal(chart, "tolerance \u2212" + Format.tolerance(criteria.tolerance()) + " pt", 0, maxEta,
        baseline - criteria.tolerance(), ChartStyle.TOLERANCE, true);
    chart.getStyler().setXAxisMin(0.0);
    return ChartStyle.render("global.png", "Global truncation",
        "Every selected layer truncated at once at a common level; each point is one level (see the table for its name).",
        chart);
  }
}
