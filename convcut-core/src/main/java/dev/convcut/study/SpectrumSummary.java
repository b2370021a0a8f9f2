package dev.convcut.study;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.spectrum.CutEntry;
import dev.convcut.tensor.spectrum.LayerSpectrum;
import dev.convcut.tensor.spectrum.SpectrumReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The spectrum as a terminal table: one row per layer, one column per cut, each cell the
 * entanglement entropy S in nats (3 decimals); {@code -} marks a cut that is trivial for the
 * layer (or not one of its cuts). Low entropy across a cut means it can be cut with little norm
 * loss.
 */
public final class SpectrumSummary {
  private SpectrumSummary() {}

  /** The table, with a title line and a trailing newline. */
  public static String format(SpectrumReport report) {
    List<Cut> cuts = new ArrayList<>(Cut.fourIndex());
    if (report.layers().stream().anyMatch(l -> l.shape().length == 2)) {
      cuts.add(Cut.O_I);
    }
    int nameWidth = Math.max("layer".length(), report.layers().stream().mapToInt(l -> l.layer().length()).max().orElse(0));
    int shapeWidth = Math.max("shape".length(), report.layers().stream().mapToInt(l -> Csv.shape(l.shape()).length()).max().orElse(0));
    String rowFormat = "%-" + nameWidth + "s  %-" + shapeWidth + "s";
    StringBuilder b = new StringBuilder("entanglement entropy S (nats) per layer and cut; - = trivial cut\n");
    b.append(String.format(Locale.ROOT, rowFormat, "layer", "shape"));
    for (Cut c : cuts) {
      b.append(String.format(Locale.ROOT, "  %6s", c));
    }
    b.append('\n');
    for (LayerSpectrum l : report.layers()) {
      b.append(String.format(Locale.ROOT, rowFormat, l.layer(), Csv.shape(l.shape())));
      for (Cut c : cuts) {
        Optional<CutEntry> e = l.entry(c);
        b.append(String.format(Locale.ROOT, "  %6s", e.map(x -> String.format(Locale.ROOT, "%.3f", x.entropies().entropy())).orElse("-")));
      }
      b.append('\n');
    }
    return b.toString();
  }
}
