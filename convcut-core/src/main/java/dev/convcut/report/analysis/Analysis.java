package dev.convcut.report.analysis;

import static dev.convcut.report.analysis.Format.percent;
import static dev.convcut.report.analysis.Format.points;

import dev.convcut.report.data.Baseline;
import dev.convcut.report.data.CutOrder;
import dev.convcut.report.data.GlobalPoint;
import dev.convcut.report.data.StudyRun;
import dev.convcut.report.data.SweepPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Judges the paper's findings on a run's measured numbers (docs/report.md explains each rule). */
public final class Analysis {
  private Analysis() {}

  /** The findings on {@code run} under {@code criteria}; a pure function of its arguments. */
  public static Findings analyze(StudyRun run, Criteria criteria) {
    List<LayerSummary> layers = run.sweep() == null || run.sweep().points().isEmpty()
        ? List.of() : LayerSummary.all(run.sweep().points(), criteria);
    DepthTrend trend = layers.isEmpty() ? null : DepthTrend.overBestCuts(layers);
    Set<String> cuts = layers.isEmpty() ? Set.of()
        : run.sweep().points().stream().map(SweepPoint::cut).collect(Collectors.toSet());
    List<DepthTrend> perCut = CutOrder.sorted(cuts).stream().map(c -> DepthTrend.alongCut(c, layers)).toList();
    Headroom global = run.global() == null ? null : globalHeadroom(run.global().points(), criteria);
    List<RunRecovery> recoveries = run.retrain() == null ? List.of() : RunRecovery.all(run.retrain(), criteria);
    List<LayerRole> roles = LayerRole.of(layers);
    List<DepthTrend> perKind = new ArrayList<>();
    if (LayerRole.residual(roles)) {
      for (LayerRole.Kind k : List.of(LayerRole.Kind.FIRST, LayerRole.Kind.SECOND, LayerRole.Kind.THIRD)) {
        Set<String> names = roles.stream().filter(r -> r.kind() == k).map(LayerRole::layer).collect(Collectors.toSet());
        if (!names.isEmpty()) {
          perKind.add(DepthTrend.overBestCuts(k.plural() + ", best cut", layers.stream().filter(l -> names.contains(l.layer())).toList()));
        }
      }
    }
    Double baseline = baselineTop1(run);
    EvalNoiseSummary noise = EvalNoiseSummary.of(run.baseline() == null ? -1 : run.baseline().evalSamples(), baseline, run.noise());
    return new Findings(criteria, baseline, layers, trend, perCut, global, recoveries,
        deeperLayers(trend),
        normLoss(layers, global, run.global() != null, criteria),
        recovery(recoveries, criteria),
        roles, StageSummary.of(layers, roles, CutOrder.sorted(cuts)), perKind, noise);
  }

  /**
   * The baseline top-1: the baseline row of sweep.csv or global.csv, else retrain.csv's
   * baseline_top1, else what any sweep row implies (top1 − delta_top1 / 100); null without any.
   */
  static Double baselineTop1(StudyRun run) {
    Baseline b = run.baseline();
    if (b != null) {
      return b.top1();
    }
    if (run.retrain() != null && !run.retrain().isEmpty()) {
      return run.retrain().get(0).baselineTop1();
    }
    if (run.sweep() != null && !run.sweep().points().isEmpty()) {
      SweepPoint p = run.sweep().points().get(0);
      return p.top1() - p.deltaTop1() / 100;
    }
    return null;
  }

  static Headroom globalHeadroom(List<GlobalPoint> points, Criteria criteria) {
    return points.stream()
        .filter(p -> criteria.within(p.deltaTop1()))
        .max(Comparator.comparingDouble(GlobalPoint::normLossMean))
        .map(p -> new Headroom(null, p.cut(), p.level(), Math.max(0, p.normLossMean()), p.deltaTop1()))
        .orElse(null);
  }

  static Finding deeperLayers(DepthTrend trend) {
    if (trend == null) {
      return new Finding(Findings.DEEPER_LAYERS, Verdict.INCONCLUSIVE, "the run has no layer-wise sweep (sweep.csv)");
    }
    return new Finding(Findings.DEEPER_LAYERS, trend.verdict(), trend.evidence());
  }

  static Finding normLoss(List<LayerSummary> layers, Headroom global, boolean hasGlobal, Criteria c) {
    String within = "with top-1 within " + Format.tolerance(c.tolerance()) + " points of the baseline";
    String globally = global == null
        ? (hasGlobal ? "; no global truncation stayed within tolerance" : "")
        : "; all layers at once: " + percent(global.normLoss()) + " mean norm loss (" + global.cut() + " " + global.level()
            + ", " + points(global.deltaTop1()) + ")";
    if (!layers.isEmpty()) {
      long enough = layers.stream().filter(l -> l.headroom() != null && l.headroom().normLoss() >= c.minNormLoss()).count();
      Headroom most = layers.stream().map(LayerSummary::headroom).filter(Objects::nonNull)
          .max(Comparator.comparingDouble(Headroom::normLoss)).orElse(null);
      String evidence = enough + " of " + layers.size() + " layers lost at least " + percent(c.minNormLoss())
          + " of their kernel norm " + within
          + (most == null ? "; no truncation of any layer stayed within tolerance"
              : "; most: " + most.layer() + ", " + percent(most.normLoss()) + " (" + most.cut() + " " + most.level() + ", "
                  + points(most.deltaTop1()) + ")")
          + globally;
      return new Finding(Findings.NORM_LOSS, enough > 0 ? Verdict.HELD : Verdict.DID_NOT_HOLD, evidence);
    }
    if (hasGlobal) {
      boolean held = global != null && global.normLoss() >= c.minNormLoss();
      return new Finding(Findings.NORM_LOSS, held ? Verdict.HELD : Verdict.DID_NOT_HOLD,
          "no layer-wise sweep; judged on the global truncation (at least " + percent(c.minNormLoss())
              + " mean norm loss " + within + ")" + globally);
    }
    return new Finding(Findings.NORM_LOSS, Verdict.INCONCLUSIVE,
        "the run has neither a layer-wise sweep (sweep.csv) nor a global truncation (global.csv)");
  }

  static Finding recovery(List<RunRecovery> runs, Criteria c) {
    if (runs.isEmpty()) {
      return new Finding(Findings.RECOVERY, Verdict.INCONCLUSIVE, "the run has no re-training (retrain.csv)");
    }
    List<RunRecovery.Outcome> needed = runs.stream().map(r -> r.outcome(c))
        .filter(o -> o != RunRecovery.Outcome.NOTHING_LOST).toList();
    String each = runs.stream().map(r -> r.describe(c)).collect(Collectors.joining("; "));
    String rule = " (a few = at most " + c.recoverEpochs() + " epochs; tolerance " + Format.tolerance(c.tolerance()) + " points)";
    Verdict verdict;
    if (needed.isEmpty()) {
      verdict = Verdict.INCONCLUSIVE;
      each = "no run was outside tolerance before re-training, so there was nothing to recover: " + each;
    } else if (needed.stream().allMatch(o -> o == RunRecovery.Outcome.RECOVERED_IN_TIME)) {
      verdict = Verdict.HELD;
    } else if (needed.stream().allMatch(o -> o == RunRecovery.Outcome.RECOVERED_LATE || o == RunRecovery.Outcome.NOT_RECOVERED)) {
      verdict = Verdict.DID_NOT_HOLD;
    } else {
      verdict = Verdict.INCONCLUSIVE;
    }
    return new Finding(Findings.RECOVERY, verdict, each + rule);
  }
}
