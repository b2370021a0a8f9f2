package dev.convcut.report.analysis;

import java.util.List;

/**
 * The study's findings on one run: the verdicts on the paper's three findings and the numbers
 * behind them. Parts whose data the run lacks are empty lists or null.
 *
 * @param baselineTop1 the untruncated model's top-1 (fraction), null when the run has no baseline row
 * @param layers per swept layer, in depth order
 * @param depthTrend over each layer's best cut; null without a sweep
 * @param depthTrendPerCut one per cut, in cut order
 * @param globalHeadroom the largest mean norm loss of a global truncation within tolerance, or null
 * @param recoveries one per re-training run
 */
public record Findings(Criteria criteria, Double baselineTop1, List<LayerSummary> layers, DepthTrend depthTrend,
    List<DepthTrend> depthTrendPerCut, Headroom globalHeadroom, List<RunRecovery> recoveries, Finding deeperLayers,
    Finding normLoss, Finding recovery) {

  public static final String DEEPER_LAYERS = "Deeper layers tolerate more norm loss";
  public static final String NORM_LOSS = "Norm can be lost without accuracy loss";
  public static final String RECOVERY = "Re-training recovers within a few epochs";

  public Findings {
    layers = List.copyOf(layers);
    depthTrendPerCut = List.copyOf(depthTrendPerCut);
    recoveries = List.copyOf(recoveries);
  }

  /** The three verdicts in the order the paper states them. */
  public List<Finding> verdicts() {
    return List.of(deeperLayers, normLoss, recovery);
  }
}
