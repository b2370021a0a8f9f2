package dev.convcut.report.plot;

import dev.convcut.report.analysis.Criteria;
import dev.convcut.report.analysis.Format;
import dev.convcut.report.analysis.RunRecovery;
import dev.convcut.report.data.RetrainEpoch;
import java.util.Comparator;
import java.util.List;

/** Re-training recovery curves: top-1 per epoch for each run, with the baseline and tolerance lines. */
public final class RetrainPlot {
  private RetrainPlot() {}

  /** The plot, or null when retrain.csv has no rows. */
  public static Figure of(List<RetrainEpoch> rows, List<RunRecovery> runs, Criteria criteria) {
    if (rows.isEmpty()) {
      return null;
    }
    double baseline = 100 * rows.get(0).baselineTop1();
    int lastEpoch = rows.stream().mapToInt(RetrainEpoch::epoch).max().orElse(1);
    var chart = ChartStyle.xy("Re-training: top-1 per epoch", "epoch (0 = truncated, before re-training)",
        "top-1 accuracy (%)");
    for (int i = 0; i < runs.size(); i++) {
      RunRecovery run = runs.get(i);
      List<RetrainEpoch> line = rows.stream().filter(r -> r.run().equals(run.run()))
          .sorted(Comparator.comparingInt(RetrainEpoch::epoch)).toList();
      String label = run.run() + (run.epochsToRecover() == null ? " (not recovered)"
          : " (recovered at epoch " + run.epochsToRecover() + ")");
      ChartStyle.line(chart, label, line.stream().map(r -> (double) r.epoch()).toList(),
          line.stream().map(r -> 100 * r.top1()).toList(), ChartStyle.series(i), line.size() <= 40);
    }
    ChartStyle.horizontal(chart, "baseline " + Format.accuracy(baseline / 100), 0,
        Math.max(1, lastEpoch), baseline, ChartStyle.BASELINE, false);
    ChartStyle.horizontal(chart, "tolerance \u2212" + Format.tolerance(criteria.tolerance()) + " pt", 0,
        Math.max(1, lastEpoch), baseline - criteria.tolerance(), ChartStyle.TOLERANCE, true);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setXAxisMin(0.0);
    return ChartStyle.render("retrain.png", "Re-training recovery",
        "Top-1 after each epoch of re-training from the truncated model; a run has recovered once it is back above "
            + "the tolerance line.",
        chart);
  }
}
