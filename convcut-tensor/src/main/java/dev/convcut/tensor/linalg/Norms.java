package dev.convcut.tensor.linalg;

/**
 * Euclidean norms of long vectors without overflow or underflow: values are summed relative to
 * the largest magnitude, as LAPACK's {@code dnrm2} does, so kernels of 1e-200 or 1e200 still
 * have exact-enough norms.
 */
public final class Norms {
  private Norms() {}

  /** {@code sqrt(Σ x²)}. */
  public static double frobenius(double[] x) {
    double max = 0;
    for (double v : x) {
      max = Math.max(max, Math.abs(v));
    }
    if (max == 0 || Double.isInfinite(max)) {
      return max;
    }
    double sum = 0;
    for (double v : x) {
      double s = v / max;
      sum += s * s;
    }
    return max * Math.sqrt(sum);
  }

  /** {@code sqrt(Σ (a − b)²)}. */
  public static double distance(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
    }
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return frobenius(d);
  }
}
