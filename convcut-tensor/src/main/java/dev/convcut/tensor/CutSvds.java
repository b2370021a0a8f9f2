package dev.convcut.tensor;

import dev.convcut.tensor.linalg.Svd;
import java.util.EnumMap;
import java.util.Map;

/**
 * The decompositions of one kernel along its cuts, each computed at most once and shared by cuts
 * that coincide for this shape (a 1×1 kernel's four non-trivial cuts are one matrix, decomposed
 * once). Spectra alone use the cheaper values-only SVD unless the vectors are already known.
 * Thread-safe.
 */
public final class CutSvds {
  private final Kernel kernel;
  private final Svd svd;
  private final Map<Cut, Cut> representative;
  private final Map<Cut, CutSvd> full = new EnumMap<>(Cut.class);
  private final Map<Cut, CutSpectrum> spectra = new EnumMap<>(Cut.class);
  private int decompositions;

  private CutSvds(Kernel kernel, Svd svd) {
    this.kernel = kernel;
    this.svd = svd;
    this.representative = Cut.representatives(kernel);
  }

  public static CutSvds of(Kernel kernel) {
    return new CutSvds(kernel, Svd.standard());
  }

  public static CutSvds of(Kernel kernel, Svd svd) {
    return new CutSvds(kernel, svd);
  }

  public Kernel kernel() {
    return kernel;
  }

  /** The thin SVD along {@code cut}, decomposing only if neither it nor a coinciding cut has been. */
  public synchronized CutSvd svd(Cut cut) {
    cut.checkAppliesTo(kernel);
    Cut rep = representative.get(cut);
    CutSvd base = full.get(rep);
    if (base == null) {
      base = CutSvd.of(kernel, rep, svd);
      decompositions++;
      full.put(rep, base);
    }
    return base.along(cut);
  }

  /** The singular values along {@code cut}, from a values-only SVD unless the vectors are already known. */
  public synchronized CutSpectrum spectrum(Cut cut) {
    cut.checkAppliesTo(kernel);
    Cut rep = representative.get(cut);
    if (full.containsKey(rep)) {
      return full.get(rep).along(cut).spectrum();
    }
    CutSpectrum base = spectra.get(rep);
    if (base == null) {
      base = new CutSpectrum(rep, rep.rows(kernel), rep.cols(kernel), svd.values(rep.matricize(kernel)));
      decompositions++;
      spectra.put(rep, base);
    }
    return cut == rep ? base : new CutSpectrum(cut, cut.rows(kernel), cut.cols(kernel), base.values());
  }

  /** The cut whose decomposition serves {@code cut} (itself, or the first coinciding cut). */
  public Cut representativeOf(Cut cut) {
    cut.checkAppliesTo(kernel);
    return representative.get(cut);
  }

  /** How many SVDs this object has run so far. */
  public synchronized int decompositions() {
    return decompositions;
  }
}
