package dev.convcut.report.data;

import dev.convcut.io.CsvTable;

/**
 * One row of the layer-wise sweep (sweep.csv): one layer truncated along one cut at one level,
 * everything else untouched, and the accuracy that resulted.
 *
 * @param rank the rank kept, -1 when not recorded
 * @param fullRank -1 when not recorded
 * @param keptFraction NaN when not recorded
 * @param deltaTop1 top1 − baseline top1, in percentage points
 * @param denseParams -1 when not recorded
 * @param factorizedParams -1 when not recorded
 */
public record SweepPoint(String layer, int depth, String shape, String cut, String level, long rank, long fullRank,
    double keptFraction, double normLoss, double top1, double deltaTop1, long denseParams, long factorizedParams) {

  static final String[] REQUIRED = {"layer", "depth", "cut", "level", "norm_loss", "top1", "delta_top1"};

  public SweepPoint {
    Checks.notBlank("layer", layer);
    Checks.notBlank("cut", cut);
    Checks.notBlank("level", level);
    Checks.atLeast("depth", depth, 0);
    Checks.normLoss("norm_loss", normLoss);
    Checks.fraction("top1", top1);
    Checks.finite("delta_top1", deltaTop1);
    shape = shape == null ? "" : shape;
  }

  static SweepPoint of(CsvTable.Row r) {
    return r.build(() -> new SweepPoint(r.required("layer"), (int) r.integer("depth"), r.text("shape"),
        r.required("cut"), r.required("level"), r.integerOr("rank", -1), r.integerOr("full_rank", -1),
        r.numberOrNaN("kept_fraction"), r.number("norm_loss"), r.number("top1"), r.number("delta_top1"),
        r.integerOr("dense_params", -1), r.integerOr("factorized_params", -1)));
  }
}
