package dev.convcut.tensor.linalg;

/**
 * A decomposition that could not be computed: LAPACK reported a convergence failure or an
 * illegal argument, or the native library could not be loaded. The message names the routine,
 * the matrix shape and LAPACK's {@code info} code.
 */
public class DecompositionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DecompositionException(String message) {
    super(message);
  }

  public DecompositionException(String message, Throwable cause) {
    super(message, cause);
  }
}
