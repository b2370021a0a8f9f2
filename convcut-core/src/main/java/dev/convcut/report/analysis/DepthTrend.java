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
 * <p>The 95% confidence interval of rho is Fisher's z-transform with the standard error
 * 1.03 / sqrt(n − 3) that Fieller, Hartley and Pearson (1957) give for Spearman's rho: {@code
 * tanh(atanh(rho) ± 1.96 · 1.03 / sqrt(n − 3))}. It needs at least 4 layers and is undefined at
 * |rho| = 1 (null then).
 *
 * @param cut the cut, or null for each layer's best cut
 * @param label what the trend is over, e.g. "best cut per layer", "cut o|ihw"
 * @param rho null when undefined (fewer than 2 layers, or every layer tolerates the same)
 * @param pValue null when rho is
 * @param ciLow the lower end of rho's 95% confidence interval, null when undefined
 * @param ciHigh its upper end
 * @param lowerBounds how many layers stayed within tolerance at every level (their values are lower bounds)
 */
public record DepthTrend(String cut, String label, int layers, Double rho, Double pValue, Double ciLow, Double ciHigh, int lowerBounds,
    Verdict verdict, String evidence) {
  static final double STRONG = 0.5;
  /** Fieller, Hartley and Pearson's factor on Fisher's 1 / sqrt(n − 3) for Spearman's rho. */
  static final double FIELLER = 1.03;
  static final double Z_95 = 1.959963984540054;
  static final double ALPHA = 0.05;
  static final int MIN_LAYERS = 3;

  /** The trend over each layer's best cut. */
  public static DepthTrend overBestCuts(List<LayerSummary> layers) {
    return of(null, "best cut per layer", layers, LayerSummary::best);
  }

  /** The trend over each layer's best cut among some of the layers, named by {@code label}. */
  public static DepthTrend overBestCuts(String label, List<LayerSummary> layers) {
    return of(null, label, layers, LayerSummary::best);
  }

  /** The trend along one cut, over the layers the sweep cut along it. */
  public static DepthTrend alongCut(String cut, List<LayerSummary> layers) {
    return of(cut, "cut " + cut, layers.stream().filter(l -> l.cut(cut) != null).toList(), l -> l.cut(cut));
  }

  /** Rho's 95% confidence interval over {@code n} pairs (see the class comment); null when undefined. */
  static double[] confidenceInterval(double rho, int n) {
    if (n < 4 || Double.isNaN(rho) || Math.abs(rho) >= 1) {
      return null;
    }
    double z = 0.5 * Math.log((1 + rho) / (1 - rho));
    double half = Z_95 * FIELLER / Math.sqrt(n - 3);
    return new double[] {Math.tanh(z - half), Math.tanh(z + half)};
  }

  private static DepthTrend of(String cut, String label, List<LayerSummary> layers, Function<LayerSummary, CutTolerance> pick) {
    int n = layers.size();
    double[] depth = layers.stream().mapToDouble(LayerSummary::depth).toArray();
    double[] eta = layers.stream().mapToDouble(l -> pick.apply(l).tolerableNormLoss()).toArray();
    int lowerBounds = (int) layers.stream().filter(l -> pick.apply(l).censored()).count();
    double rho = Spearman.rho(depth, eta);
    String what = "depth and tolerable norm loss (" + label + ")";
    if (n < MIN_LAYERS) {
      return new DepthTrend(cut, label, n, nullIfNaN(rho), null, null, null, lowerBounds, Verdict.INCONCLUSIVE,
          "only " + n + " layer" + (n == 1 ? "" : "s") + " in the sweep; a trend over depth needs at least " + MIN_LAYERS);
    }
    if (Double.isNaN(rho)) {
      return new DepthTrend(cut, label, n, null, null, null, null, lowerBounds, Verdict.INCONCLUSIVE,
          "all " + n + " layers tolerate the same norm loss (" + Format.percent(eta[0]) + "), so there is no trend to rank"
              + caveat(lowerBounds, n));
    }
    double p = Spearman.pValue(depth, eta);
    Verdict verdict = rho >= STRONG || (rho > 0 && p < ALPHA) ? Verdict.HELD
        : rho <= 0 ? Verdict.DID_NOT_HOLD : Verdict.INCONCLUSIVE;
    double[] ci = confidenceInterval(rho, n);
    String interval = ci == null
        ? (n < 4 ? "" : ", no confidence interval at |rho| = 1")
        : String.format(Locale.ROOT, ", 95%% CI %+.2f to %+.2f by Fisher's z", ci[0], ci[1]);
    String evidence = String.format(Locale.ROOT, "Spearman rho = %+.2f between %s over %d layers (one-sided permutation p %s%s)%s%s",
        rho, what, n, Format.pValue(p), interval, verdict == Verdict.INCONCLUSIVE ? "; a weak positive trend" : "", caveat(lowerBounds, n));
    return new DepthTrend(cut, label, n, rho, p, ci == null ? null : ci[0], ci == null ? null : ci[1], lowerBounds, verdict, evidence);
  }

  private static String caveat(int lowerBounds, int n) {
    return lowerBounds == 0 ? ""
        : "; " + lowerBounds + " of " + n + " layers stayed within tolerance at every level measured, so their values are lower bounds";
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
