package dev.convcut.model.graph;

import ai.djl.ndarray.NDManager;
import dev.convcut.model.Init;
import dev.convcut.model.LayerFactory;
import dev.convcut.model.LayerForm;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Module;
import dev.convcut.model.Network;
import dev.convcut.model.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds an imported graph into a {@link Network}. The nodes are cut into stages between two
 * convolution or linear layers wherever exactly one value is live in between (every block
 * boundary of a ResNet, every layer of a plain CNN, every unit of a ShuffleNet after its channel
 * shuffle, a squeeze-and-excitation from its pooling on), at the latest such point, so
 * a variant of one layer reruns only what follows it.
 */
public final class GraphNetworks {
  private GraphNetworks() {}

  /**
   * A network of {@code spec}'s graph, with the convolutions named in {@code forms} factorized,
   * its parameters created by {@code init} over the network's own sub-manager of {@code parent}.
   */
  public static Network build(ModelSpec spec, Map<String, LayerForm> forms, NDManager parent, Function<NDManager, Init> init) {
    GraphSpec g = spec.graph();
    NDManager manager = parent.newSubManager();
    try {
      LayerFactory f = new LayerFactory(init.apply(manager), forms, false);
      List<Module> modules = new ArrayList<>();
      for (GraphNode n : g.nodes()) {
        modules.add(n.kind().module(n, f));
      }
      f.checkAllFormsUsed();
      return new Network(spec, forms, stages(g, modules), manager);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  static List<Stage> stages(GraphSpec g, List<Module> modules) {
    List<GraphNode> nodes = g.nodes();
    Map<String, Integer> lastRead = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (String in : nodes.get(i).inputs()) {
        lastRead.put(in, i);
      }
    }
    lastRead.put(g.output(), nodes.size());
    List<Stage> stages = new ArrayList<>();
    Set<String> stageNames = new HashSet<>();
    Set<String> live = new HashSet<>(Set.of(g.input()));
    String stageInput = g.input();
    int start = 0;
    // The latest point since the stage began at which one value alone is live, and that value.
    int single = -1;
    String singleValue = null;
    for (int i = 0; i < nodes.size(); i++) {
      GraphNode n = nodes.get(i);
      if (i > start && live.size() == 1) {
        single = i;
        singleValue = live.iterator().next();
      }
      if (single > start && n.kind().weighted() && n.kind() != GraphOp.BATCHNORM) {
        stages.add(stage(stageNames, stageInput, singleValue, nodes.subList(start, single), modules.subList(start, single)));
        stageInput = singleValue;
        start = single;
      }
      live.add(n.output());
      final int at = i;
      live.removeIf(v -> lastRead.getOrDefault(v, -1) <= at);
    }
    stages.add(stage(stageNames, stageInput, g.output(), nodes.subList(start, nodes.size()),
        modules.subList(start, nodes.size())));
    return stages;
  }

  /** A stage named after the longest dotted prefix its layers share (else its first node). */
  private static GraphStage stage(Set<String> taken, String in, String out, List<GraphNode> nodes, List<Module> modules) {
    String prefix = null;
    for (GraphNode n : nodes) {
      if (n.kind().weighted()) {
        prefix = prefix == null ? n.name() : common(prefix, n.name());
      }
    }
    String name = prefix == null || prefix.isEmpty() ? nodes.get(0).name() : prefix;
    String unique = name;
    for (int k = 1; !taken.add(unique); k++) {
      unique = name + "#" + k;
    }
    return new GraphStage(unique, in, out, nodes, modules);
  }

  private static String common(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      s.append(i == 0 ? "" : ".").append(x[i]);
    }
    return s.toString();
  }
}
