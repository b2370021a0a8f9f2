package dev.convcut.report.data;

import dev.convcut.io.CsvTable;
import java.nio.file.Path;
import java.util.List;

/**
 * One row of {@code spectrum.csv}: the entropies of one layer's kernel across one cut.
 *
 * @param normalizedEntropy {@code S / ln r}, NaN when the full rank is 1
 */
public record SpectrumEntry(String layer, int depth, String shape, String cut, long fullRank, double entropy,
    double normalizedEntropy) {

  /** The columns a spectrum.csv must have; the others in docs/formats.md are not needed here. */
  static final String[] REQUIRED = {"layer", "depth", "cut", "full_rank", "entropy", "normalized_entropy"};

  public SpectrumEntry {
    Checks.notBlank("layer", layer);
    Checks.notBlank("cut", cut);
    Checks.atLeast("depth", depth, 0);
    Checks.atLeast("full_rank", fullRank, 1);
    if (!(entropy >= 0)) {
      throw new IllegalArgumentException("entropy must be a non-negative number of nats, got " + entropy);
    }
    if (!Double.isNaN(normalizedEntropy) && !(normalizedEntropy >= 0 && normalizedEntropy <= 1 + 1e-9)) {
      throw new IllegalArgumentException("normalized_entropy must be in [0, 1] or empty, got " + normalizedEntropy);
    }
    shape = shape == null ? "" : shape;
  }

  /** Reads every row of a spectrum.csv. */
  public static List<SpectrumEntry> read(Path file) {
    CsvTable table = CsvTable.read(file).require(REQUIRED);
    return table.rows().stream()
        .map(r -> r.build(() -> new SpectrumEntry(r.required("layer"), (int) r.integer("depth"), r.text("shape"),
            r.required("cut"), r.integer("full_rank"), r.number("entropy"), r.numberOrNaN("normalized_entropy"))))
        .toList();
  }
}
