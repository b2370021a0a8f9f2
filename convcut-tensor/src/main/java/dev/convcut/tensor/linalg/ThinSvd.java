package dev.convcut.tensor.linalg;

/**
 * A thin singular value decomposition {@code M = U · diag(s) · Vᵀ}: {@code u} is {@code m × r}
 * with orthonormal columns, {@code s} holds {@code r = min(m, n)} values in descending order, and
 * {@code vt} is {@code r × n} with orthonormal rows.
 */
public record ThinSvd(Matrix u, double[] s, Matrix vt) {

  public ThinSvd {
    int r = s.length;
    if (u.cols() != r || vt.rows() != r) {
      throw new IllegalArgumentException(
          "thin SVD factors do not fit: U " + u.shape() + ", " + r + " values, Vᵀ " + vt.shape());
    }
    for (int j = 1; j < r; j++) {
      if (s[j] > s[j - 1]) {
        throw new IllegalArgumentException("singular values must be descending, but s[" + j + "] = " + s[j]
            + " > s[" + (j - 1) + "] = " + s[j - 1]);
      }
    }
    s = s.clone();
  }

  /** A copy of the singular values, largest first. */
  @Override
  public double[] s() {
    return s.clone();
  }

  /** The number of singular values, {@code min(m, n)}. */
  public int rank() {
    return s.length;
  }

  /** The singular value {@code s[j]} without copying the array. */
  public double value(int j) {
    return s[j];
  }

  /** {@code U · diag(s) · Vᵀ}. */
  public Matrix reconstruct() {
    return product(0, s.length);
  }

  /**
   * {@code Σ_{from ≤ j < to} s_j u_j v_jᵀ}: the part of the matrix carried by singular triplets
   * {@code from..to-1}. Truncation keeps {@code product(0, k)}.
   */
  public Matrix product(int from, int to) {
    int m = u.rows();
    int n = vt.cols();
    int t = to - from;
    if (from < 0 || to > s.length || t < 0) {
      throw new IllegalArgumentException("triplets " + from + ".." + to + " out of range 0.." + s.length);
    }
    double[] c = new double[m * n];
    if (t == 0) {
      return Matrix.wrap(m, n, c);
    }
    Blas.gemm(false, false, m, n, t, 1.0, scaledColumns(from, to), rows(vt, from, to), 0.0, c);
    return Matrix.wrap(m, n, c);
  }

  /** {@code U[:, from..to) · diag(s[from..to))}, compact {@code m × t}. */
  double[] scaledColumns(int from, int to) {
    int m = u.rows();
    int r = u.cols();
    int t = to - from;
    double[] a = new double[m * t];
    double[] ud = u.raw();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < t; j++) {
        a[i * t + j] = ud[i * r + from + j] * s[from + j];
      }
    }
    return a;
  }

  private static double[] rows(Matrix x, int from, int to) {
    int n = x.cols();
    double[] b = new double[(to - from) * n];
    System.arraycopy(x.raw(), from * n, b, 0, b.length);
    return b;
  }

  /** The same decomposition of {@code Mᵀ}: U and V swap roles. */
  public ThinSvd transpose() {
    return new ThinSvd(vt.transpose(), s, u.transpose());
  }
}
