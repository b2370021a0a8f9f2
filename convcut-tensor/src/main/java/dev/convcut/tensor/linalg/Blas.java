package dev.convcut.tensor.linalg;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;

/**
 * Matrix products on row-major arrays through OpenBLAS, multithreaded as {@link Lapack} is set.
 * Small products are done in Java: crossing into native code costs more than they do.
 */
public final class Blas {
  /** Below this many multiply-adds a Java loop beats the native call. */
  private static final long NATIVE_THRESHOLD = 32_768;

  private Blas() {}

  /**
   * {@code C = alpha · op(A) · op(B) + beta · C}, all row-major: {@code op(A)} is {@code m × k},
   * {@code op(B)} is {@code k × n}, {@code C} is {@code m × n}. {@code op(X)} is {@code Xᵀ} when
   * the flag is set, so A is stored {@code k × m} then.
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, double[] b, double beta, double[] c) {
    if ((long) m * k > a.length || (long) k * n > b.length || (long) m * n > c.length) {
      throw new IllegalArgumentException("gemm: arrays too short for " + m + " × " + k + " · " + k + " × " + n);
    }
    if ((long) m * n * k < NATIVE_THRESHOLD) {
      javaGemm(transA, transB, m, n, k, alpha, a, b, beta, c);
      return;
    }
    Lapack.load();
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
        m, n, k, alpha, a, lda, b, ldb, beta, c, n);
  }

  private static void javaGemm(boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, double[] b, double beta, double[] c) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          double x = transA ? a[p * m + i] : a[i * k + p];
          double y = transB ? b[j * k + p] : b[p * n + j];
          sum += x * y;
        }
        c[i * n + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * n + j]);
      }
    }
  }
}
