package dev.convcut.study;

import java.util.Arrays;
import java.util.List;

/**
 * One row of global.csv (docs/formats.md): every selected layer truncated at once along one cut
 * to one level, or the baseline row. Norm losses are over the layers truncated; parameters are
 * summed over them. {@code evaluation} is {@code baseline} when no layer lost rank, or names the
 * row whose evaluation this one shares (levels that give every layer the same ranks).
 */
public record GlobalRow(String cut, String level, Integer layers, Double normLossMean, Double normLossMax, Score score,
    double baselineTop1, Long denseParams, Long factorizedParams, String evaluation) {

  public static final List<String> COLUMNS = List.of("cut", "level", "layers", "norm_loss_mean", "norm_loss_max", "top1", "top5",
      "loss", "delta_top1", "dense_params", "factorized_params", "eval_samples", "evaluation");

  public static GlobalRow baseline(Score score) {
    return new GlobalRow("", SweepRow.BASELINE, null, null, null, score, score.top1(), null, null, SweepRow.BASELINE);
  }

  public String key() {
    return key(cut, level);
  }

  static String key(String cut, String level) {
    return cut + "\u0000" + level;
  }

  public List<Object> fields() {
    return Arrays.asList(cut, level, layers, normLossMean, normLossMax, score.top1(), score.top5(), score.loss(),
        score.deltaTop1(baselineTop1), denseParams, factorizedParams, score.images(), evaluation);
  }
}
