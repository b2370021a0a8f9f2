package dev.convcut.tensor;

import dev.convcut.tensor.linalg.Svd;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The decompositions of one kernel along its cuts, each computed at most once and shared by cuts
 * that coincide for this shape (a 1×1 kernel's four non-trivial cuts are one matrix, decomposed
 * once). Spectra alone use the cheaper values-only SVD unless the vectors are already known.
 * Thread-safe: different cuts are decomposed concurrently, the same cut once.
 */
public final class CutSvds {
  private final Kernel kernel;
  private final Svd svd;
  private final Map<Cut, Cut> representative;
  private final Map<Cut, Slot> slots = new EnumMap<>(Cut.class);
  private final AtomicInteger decompositions = new AtomicInteger();

  /** The lazily computed decompositions of one representative cut, under their own lock. */
  private final class Slot {
    private final Cut cut;
    private CutSvd full;
    private CutSpectrum values;

    Slot(Cut cut) {
      this.cut = cut;
    }

    synchronized CutSvd full() {
      if (full == null) {
        full = CutSvd.of(kernel, cut, svd);
        decompositions.incrementAndGet();
      }
      return full;
    }

    synchronized CutSpectrum spectrum() {
      if (full != null) {
        return full.spectrum();
      }
      if (values == null) {
        values = new CutSpectrum(cut, cut.rows(kernel), cut.cols(kernel), svd.values(cut.matricize(kernel)));
        decompositions.incrementAndGet();
      }
      return values;
    }
  }

  private CutSvds(Kernel kernel, Svd svd) {
    this.kernel = kernel;
    this.svd = svd;
    this.representative = Cut.representatives(kernel);
    for (Cut rep : representative.values()) {
      slots.putIfAbsent(rep, new Slot(rep));
    }
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
  public CutSvd svd(Cut cut) {
    return slots.get(representativeOf(cut)).full().along(cut);
  }

  /** The singular values along {@code cut}, from a values-only SVD unless the vectors are already known. */
  public CutSpectrum spectrum(Cut cut) {
    Cut rep = representativeOf(cut);
    CutSpectrum base = slots.get(rep).spectrum();
    return cut == rep ? base : new CutSpectrum(cut, cut.rows(kernel), cut.cols(kernel), base.values());
  }

  /** The cut whose decomposition serves {@code cut} (itself, or the first coinciding cut). */
  public Cut representativeOf(Cut cut) {
    cut.checkAppliesTo(kernel);
    return representative.get(cut);
  }

  /** How many SVDs this object has run so far. */
  public int decompositions() {
    return decompositions.get();
  }
}
