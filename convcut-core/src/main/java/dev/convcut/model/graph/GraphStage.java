package dev.convcut.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.convcut.model.BatchNorm2d;
import dev.convcut.model.Conv2d;
import dev.convcut.model.Module;
import dev.convcut.model.Param;
import dev.convcut.model.Stage;
import dev.convcut.model.WeightLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run of an imported graph's nodes that reads one value and leaves one value live, so the
 * network can start or stop here like at a zoo stage. Inside, nodes may branch and join (a
 * residual block's shortcut and {@code add}).
 */
public final class GraphStage implements Stage {
  private final String name;
  private final String input;
  private final String output;
  private final List<GraphNode> nodes;
  private final List<Module> modules;

  GraphStage(String name, String input, String output, List<GraphNode> nodes, List<Module> modules) {
    this.name = name;
    this.input = input;
    this.output = output;
    this.nodes = List.copyOf(nodes);
    this.modules = new ArrayList<>(modules);
  }

  @Override
  public String name() {
    return name;
  }

  /** The value this stage reads. */
  public String input() {
    return input;
  }

  /** The value this stage leaves for the next. */
  public String output() {
    return output;
  }

  /** The nodes in order. */
  public List<GraphNode> nodes() {
    return nodes;
  }

  /** Node {@code i}'s module (null for the operators of several inputs). */
  public Module module(int i) {
    return modules.get(i);
  }

  @Override
  public NDArray forward(NDArray x, boolean training) {
    Map<String, NDArray> values = new HashMap<>();
    values.put(input, x);
    for (int i = 0; i < nodes.size(); i++) {
      GraphNode n = nodes.get(i);
      List<NDArray> in = n.inputs().stream().map(values::get).toList();
      NDArray y = n.kind().apply(n, modules.get(i), in, training);
      values.put(n.output(), y);
    }
    return values.get(output);
  }

  /** Each convolution whose only reader is a batch norm runs with the normalization folded in. */
  @Override
  public Stage forInference(NDManager scope) {
    List<Module> folded = new ArrayList<>(modules);
    for (int j = 0; j < nodes.size(); j++) {
      if (folded.get(j) instanceof BatchNorm2d bn) {
        int i = producer(nodes.get(j).inputs().get(0));
        if (i >= 0 && folded.get(i) instanceof Conv2d c && readers(nodes.get(i).output()) == 1) {
          folded.set(i, c.foldedWith(bn, scope));
          folded.set(j, (x, training) -> x);
        }
      }
    }
    return new GraphStage(name, input, output, nodes, folded);
  }

  /** Whether node {@code j} is a batch norm that inference folds into the convolution before it. */
  public boolean foldsIntoPrevious(int j) {
    if (!(modules.get(j) instanceof BatchNorm2d)) {
      return false;
    }
    int i = producer(nodes.get(j).inputs().get(0));
    return i >= 0 && modules.get(i) instanceof Conv2d && readers(nodes.get(i).output()) == 1;
  }

  private int producer(String value) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).output().equals(value)) {
        return i;
      }
    }
    return -1;
  }

  private int readers(String value) {
    int k = value.equals(output) ? 1 : 0;
    for (GraphNode n : nodes) {
      k += (int) n.inputs().stream().filter(value::equals).count();
    }
    return k;
  }

  @Override
  public List<Param> params() {
    List<Param> out = new ArrayList<>();
    modules.stream().filter(m -> m != null).forEach(m -> out.addAll(m.params()));
    return out;
  }

  @Override
  public List<WeightLayer> weightLayers() {
    List<WeightLayer> out = new ArrayList<>();
    modules.stream().filter(m -> m != null).forEach(m -> out.addAll(m.weightLayers()));
    return out;
  }
}
