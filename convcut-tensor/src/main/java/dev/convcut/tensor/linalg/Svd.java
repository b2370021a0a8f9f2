package dev.convcut.tensor.linalg;

/**
 * A singular value decomposition. Every implementation passes the same contract suite: singular
 * values in descending order, the input never modified, full rank reproducing the matrix, odd
 * shapes and extreme magnitudes handled, and failures thrown as {@link DecompositionException}.
 */
public interface Svd {

  /** The {@code min(rows, cols)} singular values of {@code a}, largest first. */
  double[] values(Matrix a);

  /** The thin SVD {@code a = U · diag(s) · Vᵀ} with {@code r = min(rows, cols)} columns in U. */
  ThinSvd thin(Matrix a);

  /** A short name for reports, e.g. "lapack-dgesdd". */
  String name();

  /** The implementation convcut uses unless told otherwise: LAPACK {@code dgesdd} in double. */
  static Svd standard() {
    return LapackSvd.DOUBLE;
  }
}
