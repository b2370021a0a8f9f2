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
 * @param roles each swept layer's place in a residual network ({@link LayerRole}), in depth order
 * @param stages per stage of a residual network; empty for other networks
 * @param depthTrendPerKind the trend among the blocks' first convolutions, and among their second ones (residual networks)
 * @param noise the evaluation set's standard errors beside the tolerance, null when unknown
 */
public record Findings(Criteria criteria, Double baselineTop1, List<LayerSummary> layers, DepthTrend depthTrend,
    List<DepthTrend> depthTrendPerCut, Headroom globalHeadroom, List<RunRecovery> recoveries, Finding deeperLayers,
    Finding normLoss, Finding recovery, List<LayerRole> roles, List<StageSummary> stages, List<DepthTrend> depthTrendPerKind,
    EvalNoiseSummary noise) {

  public static final String DEEPER_LAYERS = "Deeper layers tolerate more norm loss";
  public static final String NORM_LOSS = "Norm can be lost without accuracy loss";
  public static final String RECOVERY = "Re-training recovers within a few epochs";

  public Findings {
    layers = List.copyOf(layers);
    depthTrendPerCut = List.copyOf(depthTrendPerCut);
    recoveries = List.copyOf(recoveries);
    roles = List.copyOf(roles);
    stages = List.copyOf(stages);
    depthTrendPerKind = List.copyOf(depthTrendPerKind);
  }

  /** The three verdicts in the order the paper states them. */
  public List<Finding> verdicts() {
    return List.of(deeperLayers, normLoss, recovery);
  }
}
