package dev.convcut.model.graph;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One operator of an imported graph: {@code op} (a {@link GraphOp} name) applied to the values
 * {@code inputs}, computing the value {@code output}. {@code name} is the layer's PyTorch name for
 * operators with weights (their parameters are {@code NAME.weight}, …); {@code attrs} holds the
 * operator's integer and real settings, each a list (see {@link GraphOp}).
 */
public record GraphNode(String op, String name, List<String> inputs, String output, Map<String, List<Number>> attrs) {
  public GraphNode {
    GraphOp.of(op);
    if (name == null || name.isBlank() || output == null || output.isBlank()) {
      throw new IllegalArgumentException("a graph node needs a name and an output, got " + name + " -> " + output);
    }
    inputs = List.copyOf(inputs);
    attrs = attrs == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attrs));
    int arity = GraphOp.of(op).arity();
    if (arity == GraphOp.VARIADIC ? inputs.size() < 2 : inputs.size() != arity) {
      throw new IllegalArgumentException("node " + name + ": " + op + " takes " + (arity == GraphOp.VARIADIC ? "2 or more" : arity) + " inputs, got " + inputs.size());
    }
  }

  /** The operator. */
  @JsonIgnore
  public GraphOp kind() {
    return GraphOp.of(op);
  }

  /** Attribute {@code key}'s values as ints; fails naming the node when absent. */
  public int[] ints(String key) {
    List<Number> v = attrs.get(key);
    if (v == null) {
      throw new IllegalArgumentException("node " + name + " (" + op + ") lacks attribute " + key);
    }
    return v.stream().mapToInt(Number::intValue).toArray();
  }

  /** Attribute {@code key}'s single value as an int. */
  public int integer(String key) {
    return ints(key)[0];
  }

  /** Attribute {@code key}'s single value as a double. */
  public double real(String key) {
    return attrs.get(key) == null ? ints(key)[0] : attrs.get(key).get(0).doubleValue();
  }
}
