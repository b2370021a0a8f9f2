package dev.convcut.interop.onnx;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Layer names for imported nodes, as PyTorch named the modules where the file says so: the
 * weight initializer's name ({@code layer1.0.conv1.weight}), else the node's scope path
 * ({@code /layer1/layer1.0/conv1/Conv} → {@code layer1.0.conv1}), else the node's name, else
 * the operator and a number. Names are made unique with {@code _K}.
 */
final class OnnxNames {
  private static final Pattern PARAM = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*\\.weight");
  private final Set<String> taken = new HashSet<>();
  private int anonymous;

  /** The name of a layer computed by {@code nodeName} ({@code op}) whose weight initializer is {@code weight} (or null). */
  String layer(String nodeName, String op, String weight) {
    String name = null;
    if (weight != null && PARAM.matcher(weight).matches()) {
      name = weight.substring(0, weight.length() - ".weight".length());
    }
    if (name == null) {
      name = scopePath(nodeName);
    }
    if (name == null || name.isEmpty()) {
      name = nodeName == null || nodeName.isBlank() ? op.toLowerCase(java.util.Locale.ROOT) + "_" + anonymous++ : nodeName;
    }
    String unique = name;
    for (int k = 1; !taken.add(unique); k++) {
      unique = name + "_" + k;
    }
    return unique;
  }

  /**
   * The module path in a node name of {@code torch.onnx.export}: {@code /a/a.0/b/Op}, where a
   * child of a container repeats its parent ({@code a.0} in {@code a}); null for other names.
   */
  static String scopePath(String nodeName) {
    if (nodeName == null || !nodeName.startsWith("/")) {
      return null;
    }
    String[] parts = nodeName.substring(1).split("/");
    StringBuilder path = new StringBuilder();
    String previous = null;
    for (int i = 0; i < parts.length - 1; i++) {
      String c = parts[i];
      if (previous != null && c.startsWith(previous + ".")) {
        path.append(c.substring(previous.length()));
      } else {
        path.append(path.length() == 0 ? "" : ".").append(c);
      }
      previous = c;
    }
    return path.length() == 0 ? null : path.toString();
  }
}
