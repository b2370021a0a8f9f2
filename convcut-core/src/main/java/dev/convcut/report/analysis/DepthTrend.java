package dev.convcut.report.analysis;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Whether deeper layers tolerate more norm loss: the Spearman rank correlation between layer depth
 * and tolerable norm loss, over the layers of a sweep.
 *
 * <p>Verdict: <em>held</em> when rho ≥ {@value #STRONG} or rho &gt; 0 with a one-sided permutation p
 * below {@value #ALPHA}; <em>did not hold</em> when rho ≤ 0; otherwise, or with fewer than 3 layers
 * or no spread in the values, <em>inconclusive</em>.
 *
 * @param cut the cut, or null for each layer's best cut
 * @param rho null when undefined (fewer than 2 layers, or every layer tolerates the same)
 * @param pValue null when rho is
 * @param lowerBounds how many layers stayed within tolerance at every level (their values are lower bounds)
 */
public record DepthTrend(String cut, int layers, Double rho, Double pValue, int lowerBounds, Verdict verdict,
    String evidence) {
  static final double STRONG = 0.5;
  static final double ALPHA = 0.05;
  static final int MIN_LAYERS = 3;

  /** The trend over each layer's best cut. */
  public static DepthTrend overBestCuts(List<LayerSummary> layers) {
    return of(null, layers, LayerSummary::best);
  }

  /** The trend along one cut, over the layers the sweep cut along it. */
  public static DepthTrend alongCut(String cut, List<LayerSummary> layers) {
    return of(cut, layers.stream().filter(l -> l.cut(cut) != null).toList(), l -> l.cut(cut));
  }

  private static DepthTrend of(String cut, List<LayerSummary> layers, Function<LayerSummary, CutTolerance> pick) {
    int n = layers.size();
    double[] depth = layers.stream().mapToDouble(LayerSummary::depth).toArray();
    double[] eta = layers.stream().mapToDouble(l -> pick.apply(l).tolerableNormLoss()).toArray();
    int lowerBounds = (int) layers.stream().filter(l -> pick.apply(l).censored()).count();
    double rho = Spearman.rho(depth, eta);
    String what = "depth and tolerable norm loss (" + (cut == null ? "best cut per layer" : "cut " + cut) + ")";
    if (n < MIN_LAYERS) {
      return new DepthTrend(cut, n, nullIfNaN(rho), null, lowerBounds, Verdict.INCONCLUSIVE,
          "only " + n + " layer" + (n == 1 ? "" : "s") + " in the sweep; a trend over depth needs at least " + MIN_LAYERS);
    }
    if (Double.isNaN(rho)) {
      return new DepthTrend(cut, n, null, null, lowerBounds, Verdict.INCONCLUSIVE,
          "all " + n + " layers tolerate the same norm loss (" + Format.percent(eta[0]) + "), so there is no trend to rank"
              + caveat(lowerBounds, n));
    }
    double p = Spearman.pValue(depth, eta);
    Verdict verdict = rho >= STRONG || (rho > 0 && p < ALPHA) ? Verdict.HELD
        : rho <= 0 ? Verdict.DID_NOT_HOLD : Verdict.INCONCLUSIVE;
    String evidence = String.format(Locale.ROOT, "Spearman rho = %+.2f between %s over %d layers (one-sided permutation p %s)%s%s",
        rho, what, n, Format.pValue(p), verdict == Verdict.INCONCLUSIVE ? "; a weak positive trend" : "", caveat(lowerBounds, n));
    return new DepthTrend(cut, n, rho, p, lowerBounds, verdict, evidence);
  }

  private static String caveat(int lowerBounds, int n) {
    return lowerBounds == 0 ? ""
        : "; " + lowerBounds + " of " + n + " layers stayed within tolerance at every level measured, so their values are lower bounds";
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
