package dev.convcut.tensor.linalg;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * The bundled OpenBLAS/LAPACK library: loading it with a clear message when that fails, its
 * thread count, and turning LAPACK's {@code info} codes into exceptions.
 *
 * <p>OpenBLAS starts with one thread here, not one per core: its worker threads spin while they
 * wait, and on a shared 2-core machine a 2-thread OpenBLAS measured more than ten times slower
 * than a 1-thread one (the spectrum of ResNet-50's kernels: 272 s against 19–22 s, load average
 * 6–9). convcut parallelizes over decompositions in Java instead. The system property {@code
 * convcut.blas.threads} sets another starting count.
 */
public final class Lapack {
  /** LAPACKE's code for a workspace it could not allocate. */
  private static final int WORK_MEMORY_ERROR = -1010;

  /** System property with OpenBLAS's starting thread count. */
  public static final String THREADS_PROPERTY = "convcut.blas.threads";

  private static volatile boolean loaded;

  private Lapack() {}

  /** Loads the native library once; later calls return at once. */
  static void load() {
    if (loaded) {
      return;
    }
    synchronized (Lapack.class) {
      if (loaded) {
        return;
      }
      try {
        Loader.load(openblas.class);
        openblas.blas_set_num_threads(Math.max(1, Integer.getInteger(THREADS_PROPERTY, 1)));
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        throw new DecompositionException(
            "could not load the OpenBLAS/LAPACK native library bundled in org.bytedeco:openblas "
                + "(classifier " + Loader.getPlatform() + "): " + e.getMessage(), e);
      }
      loaded = true;
    }
  }

  /** Sets how many threads OpenBLAS uses in every later call, process-wide. */
  public static void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("OpenBLAS threads must be ≥ 1, got " + threads);
    }
    load();
    openblas.blas_set_num_threads(threads);
  }

  /** How many threads OpenBLAS uses now. */
  public static int threads() {
    load();
    return openblas.blas_get_num_threads();
  }

  /** Library and version, for run records: e.g. "OpenBLAS 0.3.31-1.5.13 (2 threads)". */
  public static String describe() {
    load();
    String version;
    try {
      version = Loader.getVersion("org.bytedeco", "openblas");
    } catch (java.io.IOException e) {
      version = null;
    }
    return "OpenBLAS " + (version == null ? "(version unknown)" : version) + " (" + threads() + (threads() == 1 ? " thread)" : " threads)");
  }

  /**
   * Throws unless {@code info} is 0. {@code what} names the matrix ("a 512 × 4608 matrix") so
   * the message says which decomposition failed.
   */
  static void check(int info, String routine, String what) {
    if (info == 0) {
      return;
    }
    if (info == WORK_MEMORY_ERROR) {
      throw new DecompositionException(routine + " could not allocate its workspace for " + what);
    }
    if (info < 0) {
      throw new DecompositionException(
          routine + " rejected argument " + (-info) + " for " + what + " (a bug in convcut; please report it)");
    }
    throw new DecompositionException(
        routine + " did not converge for " + what + " (info = " + info + ": that many intermediate values failed to converge)");
  }
}
