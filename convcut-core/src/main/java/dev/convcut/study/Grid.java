package dev.convcut.study;

import dev.convcut.InvalidRequestException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The cuts and levels a sweep runs over, parsed from comma-separated lists ({@code
 * o|ihw,oi/hw}, {@code keep0.5,rank1}) with docs/science.md's defaults: all seven cuts, and {@code
 * keep} 1.0, 0.9, …, 0.1 plus {@code rank1}. Duplicates are dropped, the order kept.
 */
public record Grid(List<Cut> cuts, List<Level> levels) {

  public Grid {
    if (cuts.isEmpty() || levels.isEmpty()) {
      throw new InvalidRequestException("a sweep needs at least one cut and one level");
    }
    cuts = List.copyOf(new LinkedHashSet<>(cuts));
    levels = List.copyOf(new LinkedHashSet<>(levels));
  }

  /** docs/science.md's default levels. */
  public static List<Level> defaultLevels() {
    List<Level> levels = new ArrayList<>();
    for (int tenth = 10; tenth >= 1; tenth--) {
      levels.add(Level.parse("keep" + (tenth == 10 ? "1.0" : "0." + tenth)));
    }
    levels.add(Level.parse("rank1"));
    return levels;
  }

  /** The grid of {@code cuts} and {@code levels} (null or blank: the defaults). */
  public static Grid parse(String cuts, String levels) {
    return new Grid(cuts == null || cuts.isBlank() ? allCuts() : parseCuts(cuts),
        levels == null || levels.isBlank() ? defaultLevels() : parseLevels(levels));
  }

  /** The seven cuts of a conv kernel and the single cut of a linear one. */
  static List<Cut> allCuts() {
    List<Cut> all = new ArrayList<>(Cut.fourIndex());
    all.add(Cut.O_I);
    return all;
  }

  public static List<Cut> parseCuts(String text) {
    List<Cut> cuts = new ArrayList<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        cuts.add(Cut.parse(part));
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(Setting.CUTS, text, ": " + e.getMessage());
      }
    }
    return cuts;
  }

  public static List<Level> parseLevels(String text) {
    List<Level> levels = new ArrayList<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        levels.add(Level.parse(part));
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(Setting.LEVELS, text, ": " + e.getMessage());
      }
    }
    return levels;
  }

  /** The cut names, for configurations. */
  public List<String> cutNames() {
    return cuts.stream().map(Cut::toString).toList();
  }

  public List<String> levelNames() {
    return levels.stream().map(Level::toString).toList();
  }
}
