package dev.convcut.model.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An imported network's topology: one float input {@code input} of {@code [N, channels, height,
 * width]}, the nodes in topological order, and the value {@code output} of {@code [N, classes]}.
 * Stored in the checkpoint's {@code architecture.json}; the weights are in
 * {@code weights.safetensors} under the nodes' names.
 */
public record GraphSpec(String input, int channels, int height, int width, List<GraphNode> nodes, String output,
    int classes) {
  public GraphSpec {
    nodes = List.copyOf(nodes);
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("graph input must be at least 1x1x1, got " + channels + "x" + height + "x" + width);
    }
    if (classes < 2) {
      throw new IllegalArgumentException("graph output must have at least 2 classes, got " + classes);
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a graph needs at least one node");
    }
    Set<String> defined = new HashSet<>(Set.of(input));
    Set<String> names = new HashSet<>();
    for (GraphNode n : nodes) {
      for (String in : n.inputs()) {
        if (!defined.contains(in)) {
          throw new IllegalArgumentException("node " + n.name() + " reads " + in + ", which no earlier node computes");
        }
      }
      if (!defined.add(n.output())) {
        throw new IllegalArgumentException("node " + n.name() + " computes " + n.output() + ", which is already defined");
      }
      if (n.kind().weighted() && !names.add(n.name())) {
        throw new IllegalArgumentException("two layers named " + n.name());
      }
    }
    if (!defined.contains(output)) {
      throw new IllegalArgumentException("no node computes the output " + output);
    }
  }
}
