package dev.convcut.study;

import dev.convcut.tensor.Kernel;
import java.util.Arrays;
import java.util.List;

/**
 * One row of sweep.csv (docs/formats.md): a layer truncated along one cut to one level, its
 * kernel metrics and its accuracy; or the baseline row ({@code level} = {@code baseline}, layer
 * and cut empty). {@code evaluation} names the evaluation the row's accuracy came from: variants
 * that truncate to the same kernel share one ({@code LAYER cut@rank}), and untruncated ones take
 * the baseline's.
 */
public record SweepRow(String layer, Integer depth, String shape, String cut, String level, Integer rank, Integer fullRank,
    Double keptFraction, Double normLoss, Double relError, Double discarded, Score score, double baselineTop1,
    Long denseParams, Long factorizedParams, String evaluation) {

  /** formats.md's columns, then {@code evaluation}. */
  public static final List<String> COLUMNS = List.of("layer", "depth", "shape", "cut", "level", "rank", "full_rank",
      "kept_fraction", "norm_loss", "rel_error", "discarded", "top1", "top5", "loss", "delta_top1", "dense_params",
      "factorized_params", "eval_samples", "evaluation");

  public static final String BASELINE = "baseline";

  /** The baseline row. */
  public static SweepRow baseline(Score score) {
    return new SweepRow("", null, "", "", BASELINE, null, null, null, null, null, null, score, score.top1(), null, null, BASELINE);
  }

  /**
   * The row of variant {@code v} of {@code layer} (its kernel {@code kernel}, at {@code depth}):
   * a full-rank variant takes the baseline's score and evaluation.
   */
  public static SweepRow of(String layer, int depth, Kernel kernel, LayerVariants.Variant v, Score score, Score baseline) {
    int k = v.rank();
    return new SweepRow(layer, depth, Csv.shape(kernel.shape()), v.cut().toString(), v.level().toString(), k,
        v.spectrum().fullRank(), v.spectrum().keptFraction(k), v.spectrum().normLoss(k), v.spectrum().relError(k),
        v.spectrum().discarded(k), v.fullRank() ? baseline : score, baseline.top1(), (long) kernel.size(), v.factorizedParams(),
        v.fullRank() ? BASELINE : v.evaluation());
  }

  /** The row's identity: a resumed sweep skips keys already in the file. */
  public String key() {
    return key(layer, cut, level);
  }

  static String key(String layer, String cut, String level) {
    return layer + "\u0000" + cut + "\u0000" + level;
  }

  public List<Object> fields() {
    return Arrays.asList(layer, depth, shape, cut, level, rank, fullRank, keptFraction, normLoss, relError, discarded,
        score.top1(), score.top5(), score.loss(), score.deltaTop1(baselineTop1), denseParams, factorizedParams,
        score.images(), evaluation);
  }
}
