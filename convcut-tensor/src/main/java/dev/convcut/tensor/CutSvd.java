package dev.convcut.tensor;

import dev.convcut.tensor.linalg.Matrix;
import dev.convcut.tensor.linalg.Svd;
import dev.convcut.tensor.linalg.ThinSvd;

/**
 * One thin SVD of a kernel along a cut, which then serves every truncation level without being
 * recomputed: {@link #truncate(Level)} costs one matrix product of the kept (or, past half the
 * rank, the discarded) singular triplets, never a decomposition.
 */
public final class CutSvd {
  private final Kernel kernel;
  private final Cut cut;
  private final ThinSvd svd;
  private final CutSpectrum spectrum;

  CutSvd(Kernel kernel, Cut cut, ThinSvd svd) {
    if (svd.u().rows() != cut.rows(kernel) || svd.vt().cols() != cut.cols(kernel)) {
      throw new IllegalArgumentException("an SVD of a " + svd.u().rows() + " × " + svd.vt().cols() + " matrix is not one of kernel "
          + kernel.shapeString() + " along " + cut);
    }
    this.kernel = kernel;
    this.cut = cut;
    this.svd = svd;
    this.spectrum = new CutSpectrum(cut, svd.u().rows(), svd.vt().cols(), svd.s());
  }

  /** Decomposes {@code kernel} along {@code cut} with the standard SVD. */
  public static CutSvd of(Kernel kernel, Cut cut) {
    return of(kernel, cut, Svd.standard());
  }

  public static CutSvd of(Kernel kernel, Cut cut, Svd svd) {
    return new CutSvd(kernel, cut, svd.thin(cut.matricize(kernel)));
  }

  /** The same decomposition read along {@code other}, a cut that coincides with this one for the kernel. */
  CutSvd along(Cut other) {
    if (other == cut) {
      return this;
    }
    return new CutSvd(kernel, other, cut.isTransposeOf(other, kernel) ? svd.transpose() : svd);
  }

  /** The kernel that was decomposed. */
  public Kernel kernel() {
    return kernel;
  }

  public Cut cut() {
    return cut;
  }

  /** The thin SVD of the matricization: {@code U} is {@code rows × r}, {@code Vᵀ} is {@code r × cols}. */
  public ThinSvd svd() {
    return svd;
  }

  public CutSpectrum spectrum() {
    return spectrum;
  }

  /** Truncates to the rank {@code level} selects. */
  public TruncatedKernel truncate(Level level) {
    return truncate(level.rankFor(spectrum));
  }

  /** Truncates to rank {@code k}, which must be in {@code 1..r}. */
  public TruncatedKernel truncate(int k) {
    spectrum.checkRank(k);
    int r = spectrum.fullRank();
    Kernel truncated;
    if (k == r) {
      truncated = kernel;
    } else if (2 * k >= r) {
      // Fewer triplets to multiply on the discarded side: Ŵ = M − Σ_{j≥k} s_j u_j v_jᵀ.
      double[] m = cut.matricize(kernel).toArray();
      Matrix tail = svd.product(k, r);
      double[] t = tail.toArray();
      for (int x = 0; x < m.length; x++) {
        m[x] -= t[x];
      }
      truncated = cut.fold(Matrix.wrap(tail.rows(), tail.cols(), m), kernel.shape());
    } else {
      truncated = cut.fold(svd.product(0, k), kernel.shape());
    }
    return new TruncatedKernel(truncated, cut, k, r, spectrum.normLoss(k), spectrum.relError(k), spectrum.discarded(k));
  }

  @Override
  public String toString() {
    return "CutSvd(" + kernel.shapeString() + " along " + cut + ")";
  }
}
