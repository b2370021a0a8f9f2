package dev.convcut.study;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Entropies;
import dev.convcut.tensor.spectrum.CutEntry;
import dev.convcut.tensor.spectrum.LayerSpectrum;
import dev.convcut.tensor.spectrum.SpectrumReport;
import java.util.List;

/**
 * A small hand-built spectrum with round singular values, for golden files: a (2, 1, 2, 1) kernel
 * whose four non-trivial cuts coincide, and a (3, 2) linear layer of rank 1.
 */
final class SpectrumFixtures {
  private SpectrumFixtures() {}

  static CutEntry entry(Cut cut, int rows, int cols, Cut sameAs, int numericalRank, double... s) {
    return new CutEntry(cut, rows, cols, s, Entropies.of(s), numericalRank, sameAs);
  }

  static SpectrumReport report() {
    LayerSpectrum conv = new LayerSpectrum("features.0", new int[] {2, 1, 2, 1}, Math.sqrt(5), List.of(
        entry(Cut.O_IHW, 2, 2, null, 2, 2.0, 1.0),
        entry(Cut.OIW_H, 2, 2, Cut.O_IHW, 2, 2.0, 1.0),
        entry(Cut.OI_HW, 2, 2, Cut.O_IHW, 2, 2.0, 1.0),
        entry(Cut.OW_IH, 2, 2, Cut.O_IHW, 2, 2.0, 1.0)));
    LayerSpectrum fc = new LayerSpectrum("classifier", new int[] {3, 2}, 2.0, List.of(entry(Cut.O_I, 3, 2, null, 1, 2.0, 0.0)));
    return new SpectrumReport(List.of(conv, fc), "lapack-dgesdd");
  }
}
