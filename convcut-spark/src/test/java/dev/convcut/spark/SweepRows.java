package dev.convcut.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.io.CsvTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Compares the rows of two sweep CSVs: the same header and the same rows, each once, in any order. */
final class SweepRows {
  private SweepRows() {}

  static List<String> lines(Path csv) {
    try {
      return Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of {@code actual} is a row of {@code expected} (all columns, top-1 to the last digit), none twice, none missing. */
  static void assertSameRows(Path actual, Path expected) {
    List<String> a = lines(actual);
    List<String> e = lines(expected);
    assertThat(a.get(0)).isEqualTo(e.get(0));
    Set<String> seen = new HashSet<>();
    for (String row : a.subList(1, a.size())) {
      assertThat(seen.add(row)).as("row appears twice: %s", row).isTrue();
    }
    assertThat(a.subList(1, a.size())).containsExactlyInAnyOrderElementsOf(e.subList(1, e.size()));
  }

  /** The rows' (layer, cut, level) keys, each once. */
  static Set<String> keys(Path csv) {
    Set<String> keys = new HashSet<>();
    for (CsvTable.Row r : CsvTable.read(csv).rows()) {
      assertThat(keys.add(r.text("layer") + " " + r.text("cut") + " " + r.text("level"))).isTrue();
    }
    return keys;
  }
}
