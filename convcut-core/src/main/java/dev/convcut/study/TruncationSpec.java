package dev.convcut.study;

import dev.convcut.InvalidRequestException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.model.LayerSelection;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.Truncation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A truncation plan as written on the command line: entries separated by {@code ;}, each a layer
 * name or glob, a {@code :}, and one or more {@code CUT=LEVEL} steps separated by {@code ,},
 * applied in order — e.g. {@code features.6:oi|hw=keep0.25,o|ihw=loss0.1;layer3.*:ohw|i=rank8}.
 * Cuts take any spelling {@link Cut#parse} accepts ({@code oi/hw}, {@code hw:oi}); the first
 * {@code :} of an entry ends the layer name, which never holds one.
 *
 * <p>{@link #resolve} checks the whole plan against a network's layers before any work and
 * refuses it with every problem listed: an unknown layer (with the valid ones), a cut the layer
 * cannot have (with its cuts), a rank above a cut's full rank (with the valid range), a layer
 * named by two entries. A cut that is trivial for a layer (its smaller side is 1) is skipped, as
 * docs/science.md says, and reported in {@link Plan#skipped()}.
 */
public record TruncationSpec(String text, List<Entry> entries) {

  /** One entry: a layer name or glob and its steps as written. */
  public record Entry(String pattern, List<Truncation.Step> steps) {}

  /** The plan resolved against a network: per layer, in the network's order, its truncation. */
  public record Plan(String spec, Map<String, Truncation> layers, List<String> skipped) {}

  public TruncationSpec {
    entries = List.copyOf(entries);
  }

  /** Parses the text; syntax errors name the entry and say what is expected. */
  public static TruncationSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidSettingException(Setting.SPEC, text, " is empty; expected LAYER:CUT=LEVEL[,CUT=LEVEL...][;LAYER:...], e.g. "
          + "features.6:oi|hw=keep0.25,o|ihw=loss0.1;layer3.*:ohw|i=rank8");
    }
    List<Entry> entries = new ArrayList<>();
    for (String raw : text.split(";")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new InvalidSettingException(Setting.SPEC, text, " entry '" + entry + "': expected LAYER:CUT=LEVEL[,CUT=LEVEL...], e.g."
            + " features.6:o|ihw=keep0.5");
      }
      String layer = entry.substring(0, colon).trim();
      List<Truncation.Step> steps = new ArrayList<>();
      for (String step : entry.substring(colon + 1).split(",")) {
        steps.add(step(entry, step.trim()));
      }
      entries.add(new Entry(layer, steps));
    }
    if (entries.isEmpty()) {
      throw new InvalidSettingException(Setting.SPEC, text, " '" + text + "' names no layer");
    }
    return new TruncationSpec(text, entries);
  }

  private static Truncation.Step step(String entry, String step) {
    int eq = step.indexOf('=');
    if (eq <= 0 || eq == step.length() - 1) {
      throw new InvalidRequestException(Setting.SPEC, " entry '" + entry + "': step '" + step + "' should be CUT=LEVEL, e.g. o|ihw=keep0.5,"
          + " oi/hw=rank4, "
          + "ohw|i=loss0.1, o|ihw=tol1e-3");
    }
    try {
      return new Truncation.Step(Cut.parse(step.substring(0, eq)), Level.parse(step.substring(eq + 1)));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(Setting.SPEC, " entry '" + entry + "': " + e.getMessage());
    }
  }

  /**
   * Resolves the entries against {@code layers} (names in forward order) with their kernels'
   * shapes from {@code kernels}, refusing the plan with every problem listed.
   */
  public Plan resolve(List<String> layers, Map<String, Kernel> kernels) {
    List<String> problems = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, Truncation> byLayer = new LinkedHashMap<>();
    Map<String, String> claimedBy = new LinkedHashMap<>();
    for (Entry e : entries) {
      List<String> hits;
      try {
        hits = LayerSelection.match(e.pattern(), layers, "layers");
      } catch (InvalidRequestException x) {
        problems.add(x.getMessage());
        continue;
      }
      for (String layer : hits) {
        String earlier = claimedBy.putIfAbsent(layer, e.pattern());
        if (earlier != null) {
          problems.add("layer " + layer + " is named by both '" + earlier + "' and '" + e.pattern() + "'; name each layer once");
          continue;
        }
        List<Truncation.Step> steps = check(layer, kernels.get(layer), e.steps(), problems, skipped);
        if (!steps.isEmpty()) {
          byLayer.put(layer, Truncation.of(steps));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettingException(Setting.SPEC, text, " '" + text + "' cannot be applied:\n  " + String.join("\n  ", problems));
    }
    if (byLayer.isEmpty()) {
      throw new InvalidSettingException(Setting.SPEC, text, " '" + text + "' truncates nothing: every cut it names is trivial for its layers (" + skipped + ")");
    }
    Map<String, Truncation> ordered = new LinkedHashMap<>();
    for (String l : layers) {
      if (byLayer.containsKey(l)) {
        ordered.put(l, byLayer.get(l));
      }
    }
    return new Plan(text, ordered, skipped);
  }

  private static List<Truncation.Step> check(String layer, Kernel k, List<Truncation.Step> steps, List<String> problems,
      List<String> skipped) {
    List<Truncation.Step> kept = new ArrayList<>();
    for (Truncation.Step s : steps) {
      Cut cut = s.cut();
      if (cut.order() != k.order()) {
        problems.add("layer " + layer + " (kernel " + Csv.shape(k.shape()) + ") has no cut " + cut + "; its cuts: " + cutsOf(k));
        continue;
      }
      if (cut.isTrivial(k)) {
        skipped.add(layer + " " + cut + " (trivial for " + Csv.shape(k.shape()) + ")");
        continue;
      }
      if (s.level() instanceof Level.Rank r && r.k() > cut.fullRank(k)) {
        problems.add("layer " + layer + " cut " + cut + ": rank " + r.k() + " is out of range; valid ranks are 1.." + cut.fullRank(k)
            + " (a " + cut.rows(k) + " × " + cut.cols(k) + " matrix)");
        continue;
      }
      kept.add(s);
    }
    return kept;
  }

  private static String cutsOf(Kernel k) {
    return String.join(", ", Cut.forOrder(k.order()).stream().filter(c -> !c.isTrivial(k)).map(Cut::toString).toList());
  }
}
