package dev.convcut.model;

import dev.convcut.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Layer names or glob patterns ({@code layer3.*}, {@code features.?}) resolved against a
 * network's layers: {@code *} matches any run of characters (dots included), {@code ?} one. The
 * result keeps the network's forward order and names each layer once. A name or pattern that
 * matches nothing is refused with the list of valid layers. The one place every command
 * (sweep, truncate, compress, the study) selects layers.
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
      throw new InvalidRequestException("an empty layer name; valid " + what + ": " + String.join(", ", valid));
    }
    List<String> hits = matching(p, valid);
    if (hits.isEmpty()) {
      throw new InvalidRequestException(nothing(p) + "; valid " + what + ": " + String.join(", ", valid));
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

  /**
   * The convolutions of {@code net} that {@code patterns} name, every convolution when there are
   * none. A pattern that names only linear layers is refused as such (factorization works on
   * convolutions), listing the convolutions.
   */
  public static List<String> convolutions(Network net, List<String> patterns) {
    List<String> convs = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (LayerInfo l : net.layerInfos()) {
      (l.kind() == LayerKind.CONV ? convs : others).add(l.name());
    }
    if (patterns == null || patterns.isEmpty()) {
      return convs;
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String p : patterns) {
      List<String> hits = matching(p.trim(), convs);
      if (hits.isEmpty()) {
        boolean linear = !matching(p.trim(), others).isEmpty();
        throw new InvalidRequestException((linear ? "layer pattern '" + p.trim() + "' names only linear layers; factorization works on"
            + " convolutions" : nothing(p.trim()) + " of " + net.spec().model()) + "; its convolutions are: " + String.join(", ", convs));
      }
      chosen.addAll(hits);
    }
    return convs.stream().filter(chosen::contains).toList();
  }

  private static List<String> matching(String p, List<String> valid) {
    if (!isGlob(p)) {
      return valid.contains(p) ? List.of(p) : List.of();
    }
    Pattern regex = toRegex(p);
    return valid.stream().filter(v -> regex.matcher(v).matches()).toList();
  }

  private static String nothing(String p) {
    return isGlob(p) ? "layer pattern '" + p + "' matches no layer" : "no layer '" + p + "'";
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
