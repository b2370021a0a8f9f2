package dev.convcut.report.data;

import dev.convcut.io.CsvTable;

/**
 * One row of global.csv: every selected layer truncated at once along one cut at one level.
 *
 * @param layers the number of layers truncated, -1 when not recorded
 * @param normLossMax NaN when not recorded
 * @param deltaTop1 top1 − baseline top1, in percentage points
 * @param denseParams summed over the truncated layers, -1 when not recorded
 * @param factorizedParams summed over the truncated layers, -1 when not recorded
 */
public record GlobalPoint(String cut, String level, long layers, double normLossMean, double normLossMax, double top1,
    double deltaTop1, long denseParams, long factorizedParams) {

  static final String[] REQUIRED = {"cut", "level", "norm_loss_mean", "top1", "delta_top1"};

  public GlobalPoint {
    Checks.notBlank("cut", cut);
    Checks.notBlank("level", level);
    Checks.normLoss("norm_loss_mean", normLossMean);
    if (!Double.isNaN(normLossMax)) {
      Checks.normLoss("norm_loss_max", normLossMax);
    }
    Checks.fraction("top1", top1);
    Checks.finite("delta_top1", deltaTop1);
  }

  static GlobalPoint of(CsvTable.Row r) {
    return r.build(() -> new GlobalPoint(r.required("cut"), r.required("level"), r.integerOr("layers", -1),
        r.number("norm_loss_mean"), r.numberOrNaN("norm_loss_max"), r.number("top1"), r.number("delta_top1"),
        r.integerOr("dense_params", -1), r.integerOr("factorized_params", -1)));
  }
}
