package dev.convcut.tensor.linalg;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_sgesdd;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

/**
 * The SVD by LAPACK's divide-and-conquer {@code ?gesdd}, through LAPACKE (which queries and
 * allocates the workspace itself). A row-major {@code m × n} matrix is handed to LAPACK as the
 * column-major {@code n × m} matrix {@code Mᵀ} without copying; the SVD of {@code Mᵀ} is {@code V
 * S Uᵀ}, so LAPACK's {@code Vᵀ} output, read row-major, is our {@code U} and its {@code U} our
 * {@code Vᵀ}. {@link #SINGLE} rounds the input to float and runs {@code sgesdd}; it exists to
 * compare like with like against float32 peers, never for reported results.
 */
public final class LapackSvd implements Svd {
  /** {@code dgesdd} in double precision: convcut's standard SVD. */
  public static final LapackSvd DOUBLE = new LapackSvd(false);
  /** {@code sgesdd} on the input rounded to float. */
  public static final LapackSvd SINGLE = new LapackSvd(true);

  private final boolean single;

  private LapackSvd(boolean single) {
    this.single = single;
  }

  @Override
  public String name() {
    return single ? "lapack-sgesdd" : "lapack-dgesdd";
  }

  @Override
  public double[] values(Matrix a) {
    return run(a, false).s;
  }

  @Override
  public ThinSvd thin(Matrix a) {
    Output out = run(a, true);
    int m = a.rows();
    int n = a.cols();
    int r = out.s.length;
    // LAPACK's Vᵀ (r × m, column-major) is U (m × r) row-major; its U (n × r) is Vᵀ (r × n).
    return new ThinSvd(Matrix.wrap(m, r, out.lapackVt), out.s, Matrix.wrap(r, n, out.lapackU));
  }

  /** What gesdd wrote, in LAPACK's (column-major, transposed-input) terms. */
  private record Output(double[] s, double[] lapackU, double[] lapackVt) {}

  private Output run(Matrix a, boolean vectors) {
    Lapack.load();
    int m = a.rows();
    int n = a.cols();
    int r = Math.min(m, n);
    byte jobz = (byte) (vectors ? 'S' : 'N');
    // LAPACK sees Mᵀ: n rows, m columns, leading dimension n.
    int ldu = vectors ? n : 1;
    int ldvt = vectors ? r : 1;
    double[] s = new double[r];
    double[] lapackU;
    double[] lapackVt;
    int info;
    if (single) {
      float[] af = toFloat(a.raw());
      float[] sf = new float[r];
      float[] uf = new float[vectors ? n * r : 1];
      float[] vtf = new float[vectors ? r * m : 1];
      info = LAPACKE_sgesdd(LAPACK_COL_MAJOR, jobz, n, m, af, n, sf, uf, ldu, vtf, ldvt);
      Lapack.check(info, "LAPACK sgesdd", "a " + a.shape() + " matrix");
      s = toDouble(sf);
      lapackU = toDouble(uf);
      lapackVt = toDouble(vtf);
    } else {
      double[] work = a.toArray(); // gesdd overwrites its input
      lapackU = new double[vectors ? n * r : 1];
      lapackVt = new double[vectors ? r * m : 1];
      info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, jobz, n, m, work, n, s, lapackU, ldu, lapackVt, ldvt);
      Lapack.check(info, "LAPACK dgesdd", "a " + a.shape() + " matrix");
    }
    return new Output(s, lapackU, lapackVt);
  }

  private static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  @Override
  public String toString() {
    return name();
  }
}
