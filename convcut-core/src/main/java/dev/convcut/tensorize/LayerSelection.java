package dev.convcut.tensorize;

import dev.convcut.UsageException;
import dev.convcut.model.LayerInfo;
import dev.convcut.model.Network;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which convolutions {@code --layers} names: exact layer names or globs ({@code *} any run of
 * characters, {@code ?} one), in the network's forward order; none given means every
 * convolution. A pattern that matches no convolution is refused, listing the convolutions.
 */
public final class LayerSelection {
  private LayerSelection() {}

  /** The convolutions of {@code net} matching {@code patterns} (all of them when the list is empty). */
  public static List<String> resolve(Network net, List<String> patterns) {
    List<String> convs = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (LayerInfo l : net.layerInfos()) {
      (l.kind().equals("conv") ? convs : others).add(l.name());
    }
    if (patterns == null || patterns.isEmpty()) {
      return convs;
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (String p : patterns) {
      Pattern regex = glob(p.trim());
      List<String> hits = convs.stream().filter(n -> regex.matcher(n).matches()).toList();
      if (hits.isEmpty()) {
        boolean linear = others.stream().anyMatch(n -> regex.matcher(n).matches());
        throw new UsageException("--layers " + p + ": " + (linear ? "names only linear layers; convcut compress factorizes"
            + " convolutions" : "matches no layer of " + net.spec().model()) + "; its convolutions are: " + String.join(", ", convs));
      }
      chosen.addAll(hits);
    }
    return convs.stream().filter(chosen::contains).toList();
  }

  static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
