package dev.convcut.study;

import dev.convcut.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Layer names or glob patterns ({@code layer3.*}, {@code features.?}) resolved against a
 * network's layers: {@code *} matches any run of characters (dots included), {@code ?} one. A
 * name or pattern that matches nothing is refused with the list of valid layers.
 */
public final class LayerSelection {
  private LayerSelection() {}

  /** Whether {@code text} holds a glob character. */
  public static boolean isGlob(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  /** The layers of {@code valid} that {@code pattern} names, in {@code valid}'s order. */
  public static List<String> match(String pattern, List<String> valid, String what) {
    String p = pattern.trim();
    if (p.isEmpty()) {
      throw new UsageException("an empty layer name; valid " + what + ": " + String.join(", ", valid));
    }
    List<String> hits = new ArrayList<>();
    if (!isGlob(p)) {
      if (valid.contains(p)) {
        hits.add(p);
      }
    } else {
      Pattern regex = toRegex(p);
      for (String v : valid) {
        if (regex.matcher(v).matches()) {
          hits.add(v);
        }
      }
    }
    if (hits.isEmpty()) {
      throw new UsageException((isGlob(p) ? "layer pattern '" + p + "' matches no layer" : "no layer '" + p + "'")
          + "; valid " + what + ": " + String.join(", ", valid));
    }
    return hits;
  }

  /** Every layer any of {@code patterns} names, each once, in {@code valid}'s order. */
  public static List<String> resolve(List<String> patterns, List<String> valid, String what) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String p : patterns) {
      chosen.addAll(match(p, valid, what));
    }
    return valid.stream().filter(chosen::contains).toList();
  }

  static Pattern toRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> b.append(".*");
        case '?' -> b.append('.');
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(b.toString());
  }
}
