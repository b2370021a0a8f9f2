package dev.convcut.report.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation with ties given their average rank, and its one-sided permutation
 * p-value: exact (every ordering) up to {@link #EXACT_MAX} values, else from a fixed-seed sample
 * of orderings.
 */
public final class Spearman {
  /** 9! = 362,880 orderings: enumerated in a few milliseconds. */
  static final int EXACT_MAX = 9;
  static final int SAMPLES = 100_000;
  private static final long SEED = 0x5EA4_0C0A_7E1AL;

  private Spearman() {}

  /** The rank correlation of x and y, or NaN when fewer than 2 pairs or either is constant. */
  public static double rho(double[] x, double[] y) {
    check(x, y);
    return pearson(ranks(x), ranks(y));
  }

  /**
   * The probability that a random pairing of the values has a rank correlation at least as large
   * as the observed one (one-sided, for an increasing trend); NaN where {@link #rho} is.
   */
  public static double pValue(double[] x, double[] y) {
    check(x, y);
    double[] rx = ranks(x);
    double[] ry = ranks(y);
    if (Double.isNaN(pearson(rx, ry))) {
      return Double.NaN;
    }
    // Under permutation the ranks' means and spreads stay fixed, so rho orders like the dot product.
    double observed = dot(rx, ry, IntStream.range(0, ry.length).toArray()) - 1e-9;
    return ry.length <= EXACT_MAX ? exact(rx, ry, observed) : sampled(rx, ry, observed);
  }

  /** Average ranks, 1-based. */
  static double[] ranks(double[] v) {
    Integer[] order = IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> v[i])).toArray(Integer[]::new);
    double[] r = new double[v.length];
    for (int i = 0; i < order.length; ) {
      int j = i;
      while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double mean = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = mean;
      }
      i = j + 1;
    }
    return r;
  }

  private static double pearson(double[] a, double[] b) {
    int n = a.length;
    if (n < 2) {
      return Double.NaN;
    }
    double ma = Arrays.stream(a).average().orElseThrow();
    double mb = Arrays.stream(b).average().orElseThrow();
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }

  private static double dot(double[] a, double[] b, int[] perm) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[perm[i]];
    }
    return s;
  }

  /** Counts over all n! orderings (Heap's algorithm). */
  private static double exact(double[] rx, double[] ry, double observed) {
    int n = ry.length;
    int[] perm = IntStream.range(0, n).toArray();
    int[] c = new int[n];
    long total = 1;
    long hits = dot(rx, ry, perm) >= observed ? 1 : 0;
    for (int i = 1; i < n; ) {
      if (c[i] < i) {
        swap(perm, i % 2 == 0 ? 0 : c[i], i);
        total++;
        if (dot(rx, ry, perm) >= observed) {
          hits++;
        }
        c[i]++;
        i = 1;
      } else {
        c[i] = 0;
        i++;
      }
    }
    return (double) hits / total;
  }

  private static double sampled(double[] rx, double[] ry, double observed) {
    SplittableRandom random = new SplittableRandom(SEED);
    int[] perm = IntStream.range(0, ry.length).toArray();
    long hits = 0;
    for (int s = 0; s < SAMPLES; s++) {
      for (int i = perm.length - 1; i > 0; i--) {
        swap(perm, i, random.nextInt(i + 1));
      }
      if (dot(rx, ry, perm) >= observed) {
        hits++;
      }
    }
    // Counting the observed ordering too keeps a sampled p-value from being 0.
    return (hits + 1.0) / (SAMPLES + 1.0);
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private static void check(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y must pair up, got " + x.length + " and " + y.length + " values");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("value " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
      }
    }
  }
}
