package dev.convcut.report.data;

import dev.convcut.ConvcutException;
import dev.convcut.io.CsvTable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One row of retrain.csv: the accuracy of one re-training run after one epoch (epoch 0 is the
 * truncated model before any re-training).
 *
 * @param trainLoss NaN at epoch 0 or when not recorded
 * @param deltaTop1 top1 − baseline_top1 in percentage points (computed when the column is empty)
 */
public record RetrainEpoch(String run, int epoch, double trainLoss, double top1, double baselineTop1, double deltaTop1) {

  static final String[] REQUIRED = {"run", "epoch", "top1", "baseline_top1"};

  public RetrainEpoch {
    Checks.notBlank("run", run);
    Checks.atLeast("epoch", epoch, 0);
    Checks.fraction("top1", top1);
    Checks.fraction("baseline_top1", baselineTop1);
    Checks.finite("delta_top1", deltaTop1);
  }

  /** Reads every row of a retrain.csv; a (run, epoch) pair may appear only once. */
  public static List<RetrainEpoch> read(Path file) {
    CsvTable table = CsvTable.read(file).require(REQUIRED);
    Set<String> seen = new HashSet<>();
    return table.rows().stream().map(r -> {
      RetrainEpoch e = of(r);
      if (!seen.add(e.run() + "\u0000" + e.epoch())) {
        throw new ConvcutException(file + ": line " + r.line() + ": run '" + e.run() + "' has epoch " + e.epoch() + " twice");
      }
      return e;
    }).toList();
  }

  private static RetrainEpoch of(CsvTable.Row r) {
    double top1 = r.number("top1");
    double baseline = r.number("baseline_top1");
    double delta = 100 * (top1 - baseline);
    if (!r.isEmpty("delta_top1")) {
      Baseline.checkDelta(r, top1, baseline, r.number("delta_top1"));
      delta = r.number("delta_top1");
    }
    double d = delta;
    return r.build(() -> new RetrainEpoch(r.required("run"), (int) r.integer("epoch"), r.numberOrNaN("train_loss"),
        top1, baseline, d));
  }
}
