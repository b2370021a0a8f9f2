package dev.convcut.tensor.spectrum;

import dev.convcut.tensor.Cut;
import java.util.List;
import java.util.Optional;

/**
 * One layer's spectra: its kernel shape and norm, and an entry per non-trivial cut in canonical
 * order (trivial cuts, whose smaller side is 1, are skipped as docs/science.md says).
 */
public record LayerSpectrum(String layer, int[] shape, double norm, List<CutEntry> cuts) {

  public LayerSpectrum {
    if (layer == null || layer.isBlank()) {
      throw new IllegalArgumentException("a layer needs a name");
    }
    shape = shape.clone();
    cuts = List.copyOf(cuts);
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The entry for {@code cut}, empty when the cut is trivial for this layer or not one of its cuts. */
  public Optional<CutEntry> entry(Cut cut) {
    return cuts.stream().filter(e -> e.cut() == cut).findFirst();
  }
}
