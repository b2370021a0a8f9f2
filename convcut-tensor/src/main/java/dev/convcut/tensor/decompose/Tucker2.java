package dev.convcut.tensor.decompose;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.CutSvds;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.linalg.Blas;
import java.util.List;

/**
 * Tucker-2 by truncated HOSVD on cuts {@code o|ihw} and {@code ohw|i}: the leading {@code r_o}
 * left singular vectors {@code U_o} of the {@code o|ihw} matricization and the leading {@code
 * r_i} right singular vectors {@code U_i} of the {@code ohw|i} one, both from the original kernel,
 * and the core {@code C = W ×_o U_oᵀ ×_i U_iᵀ}. As convolutions: 1×1 {@code (r_i, I)} → core
 * {@code (r_o, r_i, H, W)} with the layer's stride and padding → 1×1 {@code (O, r_o)}. The error
 * obeys {@code ‖W − Ŵ‖² ≤} the sum of both cuts' discarded squared singular values.
 */
public record Tucker2(Kernel original, int rankOut, int rankIn, ConvFactor first, ConvFactor core, ConvFactor last)
    implements Factorization {

  /** Decomposes {@code w} with the standard SVD. */
  public static Tucker2 of(Kernel w, int rankOut, int rankIn) {
    return of(CutSvds.of(w), rankOut, rankIn);
  }

  /** Decomposes the kernel of {@code svds}, reusing (or caching) its SVDs along the two cuts. */
  public static Tucker2 of(CutSvds svds, int rankOut, int rankIn) {
    Kernel w = svds.kernel();
    if (w.order() != 4) {
      throw new IllegalArgumentException("Tucker-2 needs a 4-index kernel, got " + w.shapeString());
    }
    CutSvd out = svds.svd(Cut.O_IHW);
    CutSvd in = svds.svd(Cut.OHW_I);
    out.spectrum().checkRank(rankOut);
    in.spectrum().checkRank(rankIn);
    int[] d = w.shape();
    int o = d[0];
    int i = d[1];
    int hw = d[2] * d[3];
    double[] uo = leadingColumns(out.svd().u().toArray(), o, out.spectrum().fullRank(), rankOut);
    double[] uit = new double[rankIn * i];
    System.arraycopy(in.svd().vt().toArray(), 0, uit, 0, uit.length);
    // T = U_oᵀ W_(o): (r_o, I·H·W); then each slice T[a] (I × HW) is multiplied by U_iᵀ (r_i × I).
    double[] t = new double[rankOut * i * hw];
    Blas.gemm(true, false, rankOut, i * hw, o, 1.0, uo, w.toDoubleArray(), 0.0, t);
    double[] core = new double[rankOut * rankIn * hw];
    double[] slice = new double[i * hw];
    double[] result = new double[rankIn * hw];
    for (int a = 0; a < rankOut; a++) {
      System.arraycopy(t, a * i * hw, slice, 0, slice.length);
      Blas.gemm(false, false, rankIn, hw, i, 1.0, uit, slice, 0.0, result);
      System.arraycopy(result, 0, core, a * rankIn * hw, result.length);
    }
    return new Tucker2(w, rankOut, rankIn,
        ConvFactor.dense(Kernel.of(uit, rankIn, i, 1, 1), SpatialAxes.NONE),
        ConvFactor.dense(Kernel.of(core, rankOut, rankIn, d[2], d[3]), SpatialAxes.BOTH),
        ConvFactor.dense(Kernel.of(uo, o, rankOut, 1, 1), SpatialAxes.NONE));
  }

  /** The first {@code k} of {@code r} columns of a row-major {@code rows × r} array. */
  static double[] leadingColumns(double[] a, int rows, int r, int k) {
    double[] b = new double[rows * k];
    for (int x = 0; x < rows; x++) {
      System.arraycopy(a, x * r, b, x * k, k);
    }
    return b;
  }

  @Override
  public List<ConvFactor> factors() {
    return List.of(first, core, last);
  }
}
