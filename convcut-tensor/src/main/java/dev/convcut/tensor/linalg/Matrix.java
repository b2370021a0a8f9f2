package dev.convcut.tensor.linalg;

import java.util.Arrays;

/**
 * An immutable dense matrix of finite doubles stored row-major: element {@code (r, c)} sits at
 * {@code r * cols + c}. It is the currency between matricization, the SVDs and the
 * decompositions.
 */
public final class Matrix {
  private final int rows;
  private final int cols;
  private final double[] data;

  private Matrix(int rows, int cols, double[] data) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("a matrix needs at least one row and one column, got " + rows + " × " + cols);
    }
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "a " + rows + " × " + cols + " matrix needs " + (long) rows * cols + " values, got " + data.length);
    }
    for (int i = 0; i < data.length; i++) {
      if (!Double.isFinite(data[i])) {
        throw new IllegalArgumentException(
            "matrix value at (" + i / cols + ", " + i % cols + ") is " + data[i] + "; every value must be finite");
      }
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** A matrix holding a copy of {@code rowMajor}. */
  public static Matrix of(int rows, int cols, double[] rowMajor) {
    return new Matrix(rows, cols, rowMajor.clone());
  }

  /**
   * A matrix over {@code rowMajor} without copying it: the caller hands the array over and must
   * never write to it again. Used where a freshly built array would otherwise be copied at once.
   */
  public static Matrix wrap(int rows, int cols, double[] rowMajor) {
    return new Matrix(rows, cols, rowMajor);
  }

  /** The {@code n × n} identity. */
  public static Matrix identity(int n) {
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      d[i * n + i] = 1;
    }
    return new Matrix(n, n, d);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public double get(int r, int c) {
    return data[r * cols + c];
  }

  /** A copy of the row-major values. */
  public double[] toArray() {
    return data.clone();
  }

  /** The backing array, for this package's native calls, which must not write to it. */
  double[] raw() {
    return data;
  }

  public Matrix transpose() {
    double[] t = new double[data.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = data[r * cols + c];
      }
    }
    return new Matrix(cols, rows, t);
  }

  /** {@code this · other}, through OpenBLAS {@code dgemm}. */
  public Matrix times(Matrix other) {
    if (cols != other.rows) {
      throw new IllegalArgumentException("cannot multiply " + shape() + " by " + other.shape());
    }
    double[] c = new double[rows * other.cols];
    Blas.gemm(false, false, rows, other.cols, cols, 1.0, data, other.data, 0.0, c);
    return new Matrix(rows, other.cols, c);
  }

  /** The Frobenius norm, scaled so that neither huge nor tiny entries overflow or underflow. */
  public double frobeniusNorm() {
    return Norms.frobenius(data);
  }

  /** {@code ‖this − other‖_F}. */
  public double distance(Matrix other) {
    if (rows != other.rows || cols != other.cols) {
      throw new IllegalArgumentException("cannot compare " + shape() + " with " + other.shape());
    }
    return Norms.distance(data, other.data);
  }

  /** "rows × cols", as messages print it. */
  public String shape() {
    return rows + " × " + cols;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Matrix(" + shape() + ")";
  }
}
