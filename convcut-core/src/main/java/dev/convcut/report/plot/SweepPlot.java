package dev.convcut.report.plot;

import dev.convcut.report.analysis.Criteria;
import dev.convcut.report.analysis.Format;
import dev.convcut.report.analysis.LayerSummary;
import dev.convcut.report.data.CutOrder;
import dev.convcut.report.data.SweepPoint;
import java.util.Comparator;
import java.util.List;

/**
 * The paper's core figure for one layer: top-1 versus the layer's norm loss, one line per cut,
 * with the baseline and the tolerance line (baseline − tolerance) marked.
 */
public final class SweepPlot {
  private SweepPlot() {}

  /** The plot for {@code layer}, drawn from that layer's rows of the sweep. */
  public static Figure of(LayerSummary layer, List<SweepPoint> points, Criteria criteria) {
    List<SweepPoint> mine = points.stream().filter(p -> p.layer().equals(layer.layer())).toList();
    if (mine.isEmpty()) {
      throw new IllegalArgumentException("no sweep rows for layer " + layer.layer());
    }
    // Every row knows the baseline through top1 − delta_top1, even when the baseline row is missing.
    double baseline = 100 * mine.get(0).top1() - mine.get(0).deltaTop1();
    double maxEta = mine.stream().mapToDouble(p -> 100 * p.normLoss()).max().orElse(100);
    String shape = layer.shape().isEmpty() ? "" : " (" + layer.shape() + ")";
    var chart = ChartStyle.xy(layer.layer() + shape + ": top-1 vs norm loss",
        "norm loss \u03b7 = 1 \u2212 \u2016\u0174\u2016/\u2016W\u2016 (%)", "top-1 accuracy (%)");
    for (String cut : CutOrder.sorted(mine.stream().map(SweepPoint::cut).toList())) {
      List<SweepPoint> line = mine.stream().filter(p -> p.cut().equals(cut))
          .sorted(Comparator.comparingDouble(SweepPoint::normLoss)).toList();
      ChartStyle.line(chart, cut, line.stream().map(p -> 100 * p.normLoss()).toList(),
          line.stream().map(p -> 100 * p.top1()).toList(), ChartStyle.cut(cut), true);
    }
    ChartStyle.horizontal(chart, "baseline " + Format.accuracy(baseline / 100), 0, maxEta,
        baseline, ChartStyle.BASELINE, false);
    ChartStyle.horizontal(chart, "tolerance \u2212" + Format.tolerance(criteria.tolerance()) + " pt", 0, maxEta,
        baseline - criteria.tolerance(), ChartStyle.TOLERANCE, true);
    chart.getStyler().setXAxisMin(0.0);
    String best = layer.best().cut() + ": " + Format.percent(layer.best().tolerableNormLoss())
        + (layer.best().censored() ? " or more" : "");
    return ChartStyle.render("sweep-" + ChartStyle.slug(layer.depth(), layer.layer()) + ".png",
        layer.layer() + " (depth " + layer.depth() + ")",
        "Top-1 when only " + layer.layer() + " is truncated, against its norm loss; one line per cut. "
            + "Largest tolerable norm loss: " + best + ".",
        chart);
  }
}
