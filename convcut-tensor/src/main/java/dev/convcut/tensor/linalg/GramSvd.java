package dev.convcut.tensor.linalg;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;

/**
 * The SVD through the symmetric eigenproblem of the smaller Gram matrix ({@code M Mᵀ} or {@code
 * MᵀM}, by {@code dsyrk} and {@code dsyevd}): about half the work of {@code gesdd} for a very
 * rectangular matrix. Squaring costs accuracy: the relative error of {@code s_j} grows like
 * {@code ε (s₁/s_j)²}. So this implementation only answers when every singular value is at least
 * {@code guard · s₁} (default 1e-2, which keeps relative errors near 1e-10) and otherwise hands
 * the matrix to its fallback; the answer is therefore always accurate, the speed-up conditional.
 * The matrix is scaled by its largest magnitude first, so squaring neither overflows nor
 * underflows.
 */
public final class GramSvd implements Svd {
  /** Smallest ratio {@code s_min / s₁} answered from the Gram matrix. */
  public static final double DEFAULT_GUARD = 1e-2;

  private final double guard;
  private final Svd fallback;

  /** With {@link #DEFAULT_GUARD} and LAPACK {@code dgesdd} as the fallback. */
  public GramSvd() {
    this(DEFAULT_GUARD, LapackSvd.DOUBLE);
  }

  public GramSvd(double guard, Svd fallback) {
    if (!(guard > 0 && guard < 1)) {
      throw new IllegalArgumentException("Gram SVD guard must be in (0, 1), got " + guard);
    }
    this.guard = guard;
    this.fallback = fallback;
  }

  @Override
  public String name() {
    return "gram-dsyevd(guard " + guard + ", else " + fallback.name() + ")";
  }

  @Override
  public double[] values(Matrix a) {
    Eigen e = eigen(a, false);
    return e == null ? fallback.values(a) : e.s;
  }

  @Override
  public ThinSvd thin(Matrix a) {
    Eigen e = eigen(a, true);
    if (e == null) {
      return fallback.thin(a);
    }
    int m = a.rows();
    int n = a.cols();
    int p = e.s.length;
    double[] q = e.vectors;
    double[] other = new double[m * n];
    if (m <= n) {
      // U = Q; Vᵀ = S⁻¹ Uᵀ M.
      Blas.gemm(true, false, m, n, m, 1.0, q, a.raw(), 0.0, other);
      for (int j = 0; j < p; j++) {
        for (int c = 0; c < n; c++) {
          other[j * n + c] /= e.s[j];
        }
      }
      return new ThinSvd(Matrix.wrap(m, p, q), e.s, Matrix.wrap(p, n, other));
    }
    // V = Q; U = M V S⁻¹; Vᵀ = Qᵀ.
    Blas.gemm(false, false, m, n, n, 1.0, a.raw(), q, 0.0, other);
    for (int r = 0; r < m; r++) {
      for (int j = 0; j < p; j++) {
        other[r * n + j] /= e.s[j];
      }
    }
    return new ThinSvd(Matrix.wrap(m, p, other), e.s, Matrix.wrap(p, p, q).transpose());
  }

  /** Singular values and (optionally) the small side's vectors, row-major p × p, columns = vectors. */
  private record Eigen(double[] s, double[] vectors) {}

  /** The Gram eigen-decomposition, or {@code null} when the guard sends the matrix to the fallback. */
  private Eigen eigen(Matrix a, boolean vectors) {
    Lapack.load();
    int m = a.rows();
    int n = a.cols();
    int p = Math.min(m, n);
    double max = 0;
    for (double v : a.raw()) {
      max = Math.max(max, Math.abs(v));
    }
    if (max == 0) {
      return null;
    }
    double[] b = a.toArray();
    for (int i = 0; i < b.length; i++) {
      b[i] /= max;
    }
    double[] g = new double[p * p];
    // Upper triangle of the row-major Gram = lower triangle of the same array read column-major.
    cblas_dsyrk(CblasRowMajor, CblasUpper, m <= n ? CblasNoTrans : CblasTrans, p, m <= n ? n : m, 1.0, b, n, 0.0, g, p);
    double[] w = new double[p];
    int info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) (vectors ? 'V' : 'N'), (byte) 'L', p, g, p, w);
    Lapack.check(info, "LAPACK dsyevd", "the " + p + " × " + p + " Gram matrix of a " + a.shape() + " matrix");
    // w ascends; the guard compares the smallest eigenvalue with the largest.
    if (!(w[0] >= guard * guard * w[p - 1])) {
      return null;
    }
    double[] s = new double[p];
    for (int j = 0; j < p; j++) {
      s[j] = Math.sqrt(w[p - 1 - j]) * max;
    }
    if (!vectors) {
      return new Eigen(s, null);
    }
    // Column-major output: eigenvector of w[k] is g[i + k p]; reorder so column j is the j-th largest.
    double[] q = new double[p * p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        q[i * p + j] = g[i + (p - 1 - j) * p];
      }
    }
    return new Eigen(s, q);
  }

  @Override
  public String toString() {
    return name();
  }
}
