package dev.convcut.tensor.decompose;

import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.linalg.Blas;
import dev.convcut.tensor.linalg.DecompositionException;
import dev.convcut.tensor.linalg.Matrix;
import dev.convcut.tensor.linalg.Svd;
import dev.convcut.tensor.linalg.ThinSvd;
import java.util.Random;

/**
 * CP (CANDECOMP/PARAFAC) of a 4-index kernel, {@code W[o,i,h,w] ≈ Σ_r λ_r A[o,r] B[i,r] C[h,r]
 * D[w,r]}, by alternating least squares (Kolda and Bader 2009): random Gaussian starting factors
 * from a fixed seed, modes updated in the order o, i, h, w with the Gram-matrix pseudo-inverse,
 * columns normalized into {@code λ}. It stops when the fit {@code 1 − ‖W − Ŵ‖/‖W‖} improves by
 * less than the tolerance in one sweep, or after the iteration limit; either way it reports the
 * fit, the sweeps run and whether it converged. The mode-o products go through BLAS; the other
 * three reuse the once-per-sweep contraction {@code Wᵀ_(o) A}, so no Khatri–Rao product of the
 * large modes is ever formed.
 */
public final class CpAls {
  /** Settings: rank {@code R}, seed, tolerance on the fit's improvement per sweep, iteration limit. */
  public record Options(int rank, long seed, double tolerance, int maxIterations) {
    public Options {
      if (rank < 1) {
        throw new IllegalArgumentException("CP rank must be ≥ 1, got " + rank);
      }
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new IllegalArgumentException("CP tolerance must be ≥ 0, got " + tolerance);
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("CP iteration limit must be ≥ 1, got " + maxIterations);
      }
    }

    /** Rank {@code rank}, seed 0, tolerance 1e-7, at most 500 sweeps. */
    public static Options ofRank(int rank) {
      return new Options(rank, 0L, 1e-7, 500);
    }
  }

  private CpAls() {}

  /** Decomposes {@code w}, which is never modified. */
  public static CpDecomposition decompose(Kernel w, Options options) {
    if (w.order() != 4) {
      throw new IllegalArgumentException("CP needs a 4-index kernel, got " + w.shapeString());
    }
    int[] d = w.shape();
    int rank = options.rank();
    double norm = w.norm();
    if (norm == 0) {
      return new CpDecomposition(w, new double[rank], zeros(d, rank), 0, true);
    }
    // Work on W/‖W‖ so that tiny and huge kernels behave alike; λ is rescaled at the end.
    double[] x = w.toDoubleArray();
    for (int k = 0; k < x.length; k++) {
      x[k] /= norm;
    }
    Random rng = new Random(options.seed());
    double[][] f = new double[4][];
    for (int m = 0; m < 4; m++) {
      f[m] = new double[d[m] * rank];
      for (int k = 0; k < f[m].length; k++) {
        f[m][k] = rng.nextGaussian();
      }
    }
    double[] lambda = new double[rank];
    double fit = 0;
    int sweeps = 0;
    boolean converged = false;
    int ihw = d[1] * d[2] * d[3];
    double[] kr = new double[ihw * rank];
    double[] t1 = new double[ihw * rank];
    while (sweeps < options.maxIterations() && !converged) {
      sweeps++;
      // Mode o: A = W_(o) · KR(B, C, D) · V⁺.
      khatriRao(f[1], f[2], f[3], d[1], d[2], d[3], rank, kr);
      double[] mttkrp = new double[d[0] * rank];
      Blas.gemm(false, false, d[0], rank, ihw, 1.0, x, kr, 0.0, mttkrp);
      f[0] = solve(mttkrp, d[0], gramProduct(f, d, rank, 0), rank);
      normalize(f[0], d[0], rank, lambda);
      // T1[(i,h,w), r] = Σ_o W[o,i,h,w] A[o,r], shared by the three small modes.
      Blas.gemm(true, false, ihw, rank, d[0], 1.0, x, f[0], 0.0, t1);
      for (int m = 1; m < 4; m++) {
        mttkrp = smallModeMttkrp(t1, f, d, rank, m);
        f[m] = solve(mttkrp, d[m], gramProduct(f, d, rank, m), rank);
        normalize(f[m], d[m], rank, lambda);
      }
      double previous = fit;
      fit = estimateFit(f, d, rank, lambda, mttkrp);
      converged = sweeps > 1 && Math.abs(fit - previous) < options.tolerance();
    }
    for (int r = 0; r < rank; r++) {
      lambda[r] *= norm;
    }
    return new CpDecomposition(w, lambda, f, sweeps, converged);
  }

  private static double[][] zeros(int[] d, int rank) {
    double[][] f = new double[4][];
    for (int m = 0; m < 4; m++) {
      f[m] = new double[d[m] * rank];
    }
    return f;
  }

  /** {@code KR[(i,h,w), r] = B[i,r] C[h,r] D[w,r]}. */
  private static void khatriRao(double[] b, double[] c, double[] e, int ni, int nh, int nw, int rank, double[] kr) {
    int row = 0;
    for (int i = 0; i < ni; i++) {
      for (int h = 0; h < nh; h++) {
        for (int w = 0; w < nw; w++, row++) {
          for (int r = 0; r < rank; r++) {
            kr[row * rank + r] = b[i * rank + r] * c[h * rank + r] * e[w * rank + r];
          }
        }
      }
    }
  }

  /** For mode m ∈ {i, h, w}: {@code Σ T1[(i,h,w), r]} times the other two small factors, indexed by mode m. */
  private static double[] smallModeMttkrp(double[] t1, double[][] f, int[] d, int rank, int mode) {
    double[] out = new double[d[mode] * rank];
    int row = 0;
    int[] pos = new int[4];
    for (pos[1] = 0; pos[1] < d[1]; pos[1]++) {
      for (pos[2] = 0; pos[2] < d[2]; pos[2]++) {
        for (pos[3] = 0; pos[3] < d[3]; pos[3]++, row++) {
          for (int r = 0; r < rank; r++) {
            double v = t1[row * rank + r];
            for (int m = 1; m < 4; m++) {
              if (m != mode) {
                v *= f[m][pos[m] * rank + r];
              }
            }
            out[pos[mode] * rank + r] += v;
          }
        }
      }
    }
    return out;
  }

  /** The Hadamard product of every factor's Gram matrix except {@code skip}'s. */
  private static double[] gramProduct(double[][] f, int[] d, int rank, int skip) {
    double[] v = new double[rank * rank];
    java.util.Arrays.fill(v, 1.0);
    double[] g = new double[rank * rank];
    for (int m = 0; m < 4; m++) {
      if (m != skip) {
        Blas.gemm(true, false, rank, rank, d[m], 1.0, f[m], f[m], 0.0, g);
        for (int k = 0; k < v.length; k++) {
          v[k] *= g[k];
        }
      }
    }
    return v;
  }

  /** {@code M · V⁺} by the SVD of the symmetric {@code V}, ignoring directions below {@code R·ε·s₁}. */
  private static double[] solve(double[] m, int rows, double[] v, int rank) {
    ThinSvd t = Svd.standard().thin(Matrix.wrap(rank, rank, v));
    double cutoff = rank * Math.ulp(1.0) * t.value(0);
    double[] u = t.u().toArray();
    double[] pinv = new double[rank * rank];
    double[] vt = t.vt().toArray();
    for (int j = 0; j < rank; j++) {
      if (t.value(j) <= cutoff) {
        continue;
      }
      double inv = 1 / t.value(j);
      for (int a = 0; a < rank; a++) {
        for (int b = 0; b < rank; b++) {
          pinv[a * rank + b] += vt[j * rank + a] * inv * u[b * rank + j];
        }
      }
    }
    double[] out = new double[rows * rank];
    Blas.gemm(false, false, rows, rank, rank, 1.0, m, pinv, 0.0, out);
    for (double z : out) {
      if (!Double.isFinite(z)) {
        throw new DecompositionException("CP-ALS diverged: a factor update produced " + z);
      }
    }
    return out;
  }

  private static void normalize(double[] a, int rows, int rank, double[] lambda) {
    for (int r = 0; r < rank; r++) {
      double s = 0;
      for (int x = 0; x < rows; x++) {
        s += a[x * rank + r] * a[x * rank + r];
      }
      lambda[r] = Math.sqrt(s);
      if (lambda[r] > 0) {
        for (int x = 0; x < rows; x++) {
          a[x * rank + r] /= lambda[r];
        }
      }
    }
  }

  /** {@code 1 − ‖X − X̂‖} for the unit-norm X, from Gram matrices and the last mode's product. */
  private static double estimateFit(double[][] f, int[] d, int rank, double[] lambda, double[] lastMttkrp) {
    double[] v = gramProduct(f, d, rank, -1);
    double modelSq = 0;
    for (int a = 0; a < rank; a++) {
      for (int b = 0; b < rank; b++) {
        modelSq += lambda[a] * v[a * rank + b] * lambda[b];
      }
    }
    double inner = 0;
    for (int x = 0; x < d[3]; x++) {
      for (int r = 0; r < rank; r++) {
        inner += lambda[r] * f[3][x * rank + r] * lastMttkrp[x * rank + r];
      }
    }
    return 1 - Math.sqrt(Math.max(0, 1 + modelSq - 2 * inner));
  }
}
