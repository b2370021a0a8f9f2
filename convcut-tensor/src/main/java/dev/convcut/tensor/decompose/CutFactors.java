package dev.convcut.tensor.decompose;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.Index;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.linalg.Matrix;
import dev.convcut.tensor.linalg.ThinSvd;
import java.util.List;

/**
 * A kernel truncated along one cut to rank {@code k}, written as the two convolutions of
 * docs/science.md's table. With {@code M = U S Vᵀ} the matricization, {@code A = U_k S_k^½} (rows ×
 * k) and {@code B = S_k^½ V_kᵀ} (k × cols) — the singular values split evenly so neither factor's
 * scale dwarfs the other's in float. Layouts, {@code O, I, H, W} the kernel's extents:
 *
 * <pre>
 * cut     first                                  second
 * o|ihw   (k, I, H, W)          = B              (O, k, 1, 1)     = A
 * ohw|i   (k, I, 1, 1)          = B              (O, k, H, W)     = A[(o,h,w), j] at [o, j, h, w]
 * oh|iw   (k, I, 1, W)          = B              (O, k, H, 1)     = A[(o,h), j] at [o, j, h]
 * ow|ih   (k, I, H, 1)          = B              (O, k, 1, W)     = A[(o,w), j] at [o, j, w]
 * oi|hw   (I·k, 1, H, W), g = I = B per channel  (O, I·k, 1, 1)   = A[(o,i), j] at [o, i·k+j]
 * oih|w   (I·k, 1, 1, W), g = I = B per channel  (O, I·k, H, 1)   = A[(o,i,h), j] at [o, i·k+j, h]
 * oiw|h   (I·k, 1, H, 1), g = I = B per channel  (O, I·k, 1, W)   = A[(o,i,w), j] at [o, i·k+j, w]
 * o|i     (k, I)                = B              (O, k)           = A
 * </pre>
 *
 * "B per channel": input channel {@code i}'s group holds the same {@code k} filters {@code B}, at
 * output channels {@code i·k .. i·k+k−1}.
 */
public record CutFactors(Kernel original, Cut cut, int rank, ConvFactor first, ConvFactor second) implements Factorization {

  /** The factors of {@code svd}'s kernel truncated to rank {@code k} along its cut. */
  public static CutFactors of(CutSvd svd, int k) {
    Kernel w = svd.kernel();
    Cut cut = svd.cut();
    svd.spectrum().checkRank(k);
    ThinSvd t = svd.svd();
    double[] a = scaledU(t, k);
    double[] b = scaledVt(t, k);
    int o = w.shape()[0];
    int i = w.shape()[1];
    int h = w.order() == 4 ? w.shape()[2] : 1;
    int x = w.order() == 4 ? w.shape()[3] : 1;
    return switch (cut) {
      case O_I -> pair(svd, k, Kernel.of(b, k, i), 1, SpatialAxes.NONE, Kernel.of(a, o, k), SpatialAxes.NONE);
      case O_IHW -> pair(svd, k, Kernel.of(b, k, i, h, x), 1, SpatialAxes.BOTH, Kernel.of(a, o, k, 1, 1), SpatialAxes.NONE);
      case OHW_I -> pair(svd, k, Kernel.of(b, k, i, 1, 1), 1, SpatialAxes.NONE,
          Kernel.of(Permutation.permute(a, new int[] {o, h * x, k}, 0, 2, 1), o, k, h, x), SpatialAxes.BOTH);
      case OH_IW -> pair(svd, k, Kernel.of(b, k, i, 1, x), 1, SpatialAxes.COLUMNS,
          Kernel.of(Permutation.permute(a, new int[] {o, h, k}, 0, 2, 1), o, k, h, 1), SpatialAxes.ROWS);
      case OW_IH -> pair(svd, k, Kernel.of(b, k, i, h, 1), 1, SpatialAxes.ROWS,
          Kernel.of(Permutation.permute(a, new int[] {o, x, k}, 0, 2, 1), o, k, 1, x), SpatialAxes.COLUMNS);
      case OI_HW -> pair(svd, k, Kernel.of(perChannel(b, i), i * k, 1, h, x), i, SpatialAxes.BOTH,
          Kernel.of(a, o, i * k, 1, 1), SpatialAxes.NONE);
      case OIH_W -> pair(svd, k, Kernel.of(perChannel(b, i), i * k, 1, 1, x), i, SpatialAxes.COLUMNS,
          Kernel.of(Permutation.permute(a, new int[] {o * i, h, k}, 0, 2, 1), o, i * k, h, 1), SpatialAxes.ROWS);
      case OIW_H -> pair(svd, k, Kernel.of(perChannel(b, i), i * k, 1, h, 1), i, SpatialAxes.ROWS,
          Kernel.of(Permutation.permute(a, new int[] {o * i, x, k}, 0, 2, 1), o, i * k, 1, x), SpatialAxes.COLUMNS);
    };
  }

  /**
   * The weight count of the two factors of a kernel of {@code shape} truncated along {@code cut}
   * to rank {@code k}, without decomposing: {@code rows·k} for the second factor plus {@code k·cols}
   * for the first, repeated once per input channel when {@code i} is on the row side (the grouped
   * "B per channel" layouts). Equals {@code of(svd, k).parameters()}.
   */
  public static long parameters(Cut cut, int[] shape, int k) {
    Kernel template = Kernel.zeros(shape);
    int r = cut.fullRank(template);
    if (k < 1 || k > r) {
      throw new IllegalArgumentException("rank " + k + " is outside 1.." + r + " for cut " + cut + " of a kernel " + template.shapeString());
    }
    long rows = cut.rows(template);
    long cols = cut.cols(template);
    long copies = cut.order() == 4 && cut.rowIndices().contains(Index.I) ? shape[1] : 1;
    return rows * k + (long) k * cols * copies;
  }

  private static CutFactors pair(CutSvd svd, int k, Kernel first, int groups, SpatialAxes firstAxes, Kernel second, SpatialAxes secondAxes) {
    return new CutFactors(svd.kernel(), svd.cut(), k, new ConvFactor(first, groups, firstAxes), ConvFactor.dense(second, secondAxes));
  }

  /** {@code U_k S_k^½}, rows × k. */
  private static double[] scaledU(ThinSvd t, int k) {
    Matrix u = t.u();
    double[] a = new double[u.rows() * k];
    for (int r = 0; r < u.rows(); r++) {
      for (int j = 0; j < k; j++) {
        a[r * k + j] = u.get(r, j) * Math.sqrt(t.value(j));
      }
    }
    return a;
  }

  /** {@code S_k^½ V_kᵀ}, k × cols. */
  private static double[] scaledVt(ThinSvd t, int k) {
    Matrix vt = t.vt();
    double[] b = new double[k * vt.cols()];
    for (int j = 0; j < k; j++) {
      double s = Math.sqrt(t.value(j));
      for (int c = 0; c < vt.cols(); c++) {
        b[j * vt.cols() + c] = vt.get(j, c) * s;
      }
    }
    return b;
  }

  /** {@code B} repeated once per input channel. */
  private static double[] perChannel(double[] b, int channels) {
    double[] r = new double[b.length * channels];
    for (int c = 0; c < channels; c++) {
      System.arraycopy(b, 0, r, c * b.length, b.length);
    }
    return r;
  }

  @Override
  public List<ConvFactor> factors() {
    return List.of(first, second);
  }
}
