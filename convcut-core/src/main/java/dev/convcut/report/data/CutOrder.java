package dev.convcut.report.data;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order cuts appear in throughout the report: the seven canonical cuts of a 4-index kernel
 * in the order of docs/science.md, then any other label (a sequence of cuts, {@code auto}) by name.
 */
public final class CutOrder {
  /** The canonical cuts, single-index cuts first. */
  public static final List<String> CANONICAL = List.of("o|ihw", "ohw|i", "oiw|h", "oih|w", "oi|hw", "oh|iw", "ow|ih");

  /** Orders cut labels: canonical ones by their position, the rest after them by name. */
  public static final Comparator<String> COMPARATOR =
      Comparator.comparingInt(CutOrder::rank).thenComparing(Comparator.naturalOrder());

  private CutOrder() {}

  /** The labels in report order, without duplicates. */
  public static List<String> sorted(Collection<String> cuts) {
    return cuts.stream().distinct().sorted(COMPARATOR).toList();
  }

  private static int rank(String cut) {
    int i = CANONICAL.indexOf(cut);
    return i < 0 ? CANONICAL.size() : i;
  }
}
