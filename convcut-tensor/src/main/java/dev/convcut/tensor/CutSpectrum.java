package dev.convcut.tensor;

/**
 * The singular values of a kernel along one cut, and everything that follows from them alone:
 * the norm loss, relative error and discarded weight of every truncation rank, the rank a {@link
 * Level} selects, the entropies, and the numerical rank. Squared values are summed relative to
 * {@code s₁} and tails from the smallest value up, so tiny discarded weights keep their precision.
 */
public final class CutSpectrum {
  private final Cut cut;
  private final int rows;
  private final int cols;
  private final double[] s;
  /** {@code tail[k] = Σ_{j≥k} (s_j/s₁)²}; {@code tail[0]} is the total. */
  private final double[] tail;

  /** A spectrum of a {@code rows × cols} matricization; {@code values} must be descending and non-negative. */
  public CutSpectrum(Cut cut, int rows, int cols, double[] values) {
    if (values.length != Math.min(rows, cols)) {
      throw new IllegalArgumentException("cut " + cut + ": a " + rows + " × " + cols + " matrix has "
          + Math.min(rows, cols) + " singular values, got " + values.length);
    }
    for (int j = 0; j < values.length; j++) {
      if (!(values[j] >= 0) || Double.isInfinite(values[j]) || (j > 0 && values[j] > values[j - 1])) {
        throw new IllegalArgumentException("cut " + cut + ": singular values must be finite, non-negative and descending; s["
            + j + "] = " + values[j]);
      }
    }
    this.cut = cut;
    this.rows = rows;
    this.cols = cols;
    this.s = values.clone();
    this.tail = new double[s.length + 1];
    for (int j = s.length - 1; j >= 0; j--) {
      double x = s[0] == 0 ? 0 : s[j] / s[0];
      tail[j] = tail[j + 1] + x * x;
    }
  }

  public Cut cut() {
    return cut;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** {@code r = min(rows, cols)}. */
  public int fullRank() {
    return s.length;
  }

  /** A copy of the singular values, largest first. */
  public double[] values() {
    return s.clone();
  }

  public double value(int j) {
    return s[j];
  }

  /** The share of squared norm beyond rank {@code k}: {@code Σ_{j>k} s_j² / Σ_j s_j²}. 0 for a zero kernel. */
  public double discarded(int k) {
    checkRank(k);
    return tail[0] == 0 ? 0 : tail[k] / tail[0];
  }

  /** {@code η = 1 − ‖Ŵ‖/‖W‖ = 1 − sqrt(1 − discarded)}, computed without cancellation. */
  public double normLoss(int k) {
    double d = discarded(k);
    return d / (1 + Math.sqrt(1 - d));
  }

  /** {@code δ = ‖W − Ŵ‖/‖W‖ = sqrt(discarded)} for a truncation along this cut alone. */
  public double relError(int k) {
    return Math.sqrt(discarded(k));
  }

  /** {@code k / r}. */
  public double keptFraction(int k) {
    checkRank(k);
    return (double) k / s.length;
  }

  /** The rank {@code level} selects along this cut. */
  public int rankFor(Level level) {
    return level.rankFor(this);
  }

  public Entropies entropies() {
    return Entropies.of(s);
  }

  /**
   * The number of singular values above {@code max(rows, cols) · ε · s₁} (numpy's {@code
   * matrix_rank} rule): 0 for a zero kernel.
   */
  public int numericalRank() {
    double threshold = Math.max(rows, cols) * Math.ulp(1.0) * s[0];
    int k = 0;
    while (k < s.length && s[k] > threshold) {
      k++;
    }
    return k;
  }

  /** Throws unless {@code 1 ≤ k ≤ r}, naming the cut and its matrix shape. */
  public void checkRank(int k) {
    if (k < 1 || k > s.length) {
      throw new IllegalArgumentException("rank " + k + " is outside 1.." + s.length + " for cut " + cut
          + " (a " + rows + " × " + cols + " matrix)");
    }
  }

  @Override
  public String toString() {
    return "CutSpectrum(" + cut + ", " + rows + " × " + cols + ", s₁ = " + s[0] + ")";
  }
}
