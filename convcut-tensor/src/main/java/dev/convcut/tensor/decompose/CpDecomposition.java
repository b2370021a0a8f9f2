package dev.convcut.tensor.decompose;

import dev.convcut.tensor.Kernel;
import java.util.List;

/**
 * The result of {@link CpAls}: weights {@code λ} and unit-column factors {@code A (O×R)}, {@code B
 * (I×R)}, {@code C (H×R)}, {@code D (W×R)}, as the convolutions 1×1 {@code (R, I)} → depthwise
 * {@code (R, 1, H, 1)} (row axis) → depthwise {@code (R, 1, 1, W)} (column axis) → 1×1 {@code (O,
 * R)} with {@code λ} folded into the last. {@link #fit()} is exact, from the reconstruction.
 */
public final class CpDecomposition implements Factorization {
  private final Kernel original;
  private final double[] lambda;
  private final double[][] factors;
  private final int iterations;
  private final boolean converged;
  private final List<ConvFactor> chain;
  private final double fit;

  CpDecomposition(Kernel original, double[] lambda, double[][] factors, int iterations, boolean converged) {
    this.original = original;
    this.lambda = lambda.clone();
    this.factors = factors;
    this.iterations = iterations;
    this.converged = converged;
    int[] d = original.shape();
    int rank = lambda.length;
    double[] last = new double[d[0] * rank];
    for (int o = 0; o < d[0]; o++) {
      for (int r = 0; r < rank; r++) {
        last[o * rank + r] = factors[0][o * rank + r] * lambda[r];
      }
    }
    this.chain = List.of(
        ConvFactor.dense(Kernel.of(Permutation.permute(factors[1], new int[] {d[1], rank}, 1, 0), rank, d[1], 1, 1), SpatialAxes.NONE),
        new ConvFactor(Kernel.of(Permutation.permute(factors[2], new int[] {d[2], rank}, 1, 0), rank, 1, d[2], 1), rank, SpatialAxes.ROWS),
        new ConvFactor(Kernel.of(Permutation.permute(factors[3], new int[] {d[3], rank}, 1, 0), rank, 1, 1, d[3]), rank, SpatialAxes.COLUMNS),
        ConvFactor.dense(Kernel.of(last, d[0], rank, 1, 1), SpatialAxes.NONE));
    double norm = original.norm();
    this.fit = norm == 0 ? 1 : 1 - reconstruct().distance(original) / norm;
  }

  @Override
  public Kernel original() {
    return original;
  }

  public int rank() {
    return lambda.length;
  }

  /** The component weights {@code λ_r}. */
  public double[] lambda() {
    return lambda.clone();
  }

  /** Factor matrix of mode {@code 0..3} (o, i, h, w), row-major {@code dim × R}, unit columns. */
  public double[] factor(int mode) {
    return factors[mode].clone();
  }

  /** Sweeps run. */
  public int iterations() {
    return iterations;
  }

  /** Whether the fit settled within the tolerance before the iteration limit. */
  public boolean converged() {
    return converged;
  }

  /** {@code 1 − ‖W − Ŵ‖/‖W‖}, 1 for a zero kernel. */
  public double fit() {
    return fit;
  }

  @Override
  public List<ConvFactor> factors() {
    return chain;
  }
}
