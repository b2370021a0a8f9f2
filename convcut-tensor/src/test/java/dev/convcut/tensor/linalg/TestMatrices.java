package dev.convcut.tensor.linalg;

import java.util.Random;

/** Matrices for tests, from a fixed seed: Gaussian, orthonormal, and with chosen singular values. */
public final class TestMatrices {
  private TestMatrices() {}

  public static Matrix gaussian(Random rng, int rows, int cols) {
    double[] d = new double[rows * cols];
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextGaussian();
    }
    return Matrix.wrap(rows, cols, d);
  }

  /** A {@code rows × cols} matrix ({@code cols ≤ rows}) with orthonormal columns, by twice-applied Gram–Schmidt. */
  public static Matrix orthonormalColumns(Random rng, int rows, int cols) {
    double[] q = gaussian(rng, rows, cols).toArray();
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < cols; j++) {
        for (int k = 0; k < j; k++) {
          double dot = 0;
          for (int i = 0; i < rows; i++) {
            dot += q[i * cols + j] * q[i * cols + k];
          }
          for (int i = 0; i < rows; i++) {
            q[i * cols + j] -= dot * q[i * cols + k];
          }
        }
        double norm = 0;
        for (int i = 0; i < rows; i++) {
          norm += q[i * cols + j] * q[i * cols + j];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < rows; i++) {
          q[i * cols + j] /= norm;
        }
      }
    }
    return Matrix.wrap(rows, cols, q);
  }

  /** {@code Q₁ · diag(s) · Q₂ᵀ} with random orthonormal factors: a matrix whose singular values are {@code s}. */
  public static Matrix withSingularValues(Random rng, int rows, int cols, double... s) {
    int r = s.length;
    Matrix q1 = orthonormalColumns(rng, rows, r);
    Matrix q2 = orthonormalColumns(rng, cols, r);
    double[] a = q1.toArray();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < r; j++) {
        a[i * r + j] *= s[j];
      }
    }
    return Matrix.wrap(rows, r, a).times(q2.transpose());
  }

  /** {@code ‖QᵀQ − I‖_max} for a matrix whose columns should be orthonormal. */
  public static double orthogonalityError(Matrix q) {
    Matrix g = q.transpose().times(q);
    double worst = 0;
    for (int i = 0; i < g.rows(); i++) {
      for (int j = 0; j < g.cols(); j++) {
        worst = Math.max(worst, Math.abs(g.get(i, j) - (i == j ? 1 : 0)));
      }
    }
    return worst;
  }

  /** A geometric spectrum from 1 down to {@code last}. */
  public static double[] geometric(int n, double last) {
    double[] s = new double[n];
    for (int j = 0; j < n; j++) {
      s[j] = n == 1 ? 1 : Math.pow(last, (double) j / (n - 1));
    }
    return s;
  }
}
