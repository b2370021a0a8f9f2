package dev.convcut.interop.onnx;

import dev.convcut.model.BatchNorm2d;
import dev.convcut.model.Conv2d;
import dev.convcut.model.Linear;
import dev.convcut.model.Param;
import dev.convcut.model.graph.GraphNode;
import dev.convcut.model.graph.GraphStage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an imported graph's stage back as ONNX nodes, one per graph node (a convolution as its
 * {@link StageWriter#conv} nodes, with the batch norm that inference folds into it when folding),
 * so an imported checkpoint exports like any other.
 */
final class GraphStageWriter {
  private final StageWriter writer;
  private final OnnxGraph graph;
  private final boolean fold;

  GraphStageWriter(StageWriter writer, OnnxGraph graph, boolean fold) {
    this.writer = writer;
    this.graph = graph;
    this.fold = fold;
  }

  /** The stage applied to ONNX value {@code x}; returns the value it leaves. */
  String stage(GraphStage s, String x) {
    Map<String, String> v = new HashMap<>(Map.of(s.input(), x));
    Set<Integer> folded = new HashSet<>();
    List<GraphNode> nodes = s.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      GraphNode n = nodes.get(i);
      String in = v.get(n.inputs().get(0));
      if (folded.contains(i)) {
        v.put(n.output(), in);
        continue;
      }
      String base = s.name() + "." + n.op();
      String y = switch (n.kind()) {
        case CONV -> {
          BatchNorm2d bn = null;
          for (int j = i + 1; fold && j < nodes.size() && bn == null; j++) {
            if (nodes.get(j).inputs().get(0).equals(n.output()) && s.foldsIntoPrevious(j)) {
              bn = (BatchNorm2d) s.module(j);
              folded.add(j);
            }
          }
          yield writer.conv((Conv2d) s.module(i), bn, in);
        }
        case BATCHNORM -> writer.batchNorm((BatchNorm2d) s.module(i), in);
        case LINEAR -> {
          List<Param> p = ((Linear) s.module(i)).params();
          yield graph.node(OnnxOps.GEMM, n.name(), List.of(in, writer.initializer(p.get(0).name(), p.get(0).array()),
              writer.initializer(p.get(1).name(), p.get(1).array())), Map.of("transB", 1));
        }
        case RELU -> graph.node(OnnxOps.RELU, base, List.of(in), Map.of());
        case ADD -> graph.node(OnnxOps.ADD, base, List.of(in, v.get(n.inputs().get(1))), Map.of());
        case MAXPOOL -> graph.node(OnnxOps.MAX_POOL, base, List.of(in), Map.of("kernel_shape", n.ints("kernel"),
            "strides", n.ints("stride"), "pads", pads(n), "ceil_mode", n.integer("ceil")));
        case AVGPOOL -> graph.node(OnnxOps.AVERAGE_POOL, base, List.of(in), Map.of("kernel_shape", n.ints("kernel"),
            "strides", n.ints("stride"), "pads", pads(n), "ceil_mode", n.integer("ceil"),
            "count_include_pad", n.integer("countIncludePad")));
        case GLOBALAVGPOOL -> graph.node(OnnxOps.GLOBAL_AVERAGE_POOL, base, List.of(in), Map.of());
        case FLATTEN -> graph.node(OnnxOps.FLATTEN, base, List.of(in), Map.of("axis", 1));
        case RESHAPE -> {
          int[] shape = n.ints("shape");
          long[] target = new long[shape.length + 1];
          target[0] = 0; // copy the batch axis
          for (int k = 0; k < shape.length; k++) {
            target[k + 1] = shape[k];
          }
          yield graph.node(OnnxOps.RESHAPE, base, List.of(in, graph.int64Initializer(base + ".shape#" + i, target)), Map.of());
        }
        case PAD -> {
          int[] p = n.ints("pads"); // left, right, top, bottom
          long[] pads = {0, 0, p[2], p[0], 0, 0, p[3], p[1]};
          yield graph.node(OnnxOps.PAD, base, List.of(in, graph.int64Initializer(base + ".pads#" + i, pads)), Map.of());
        }
        case DROPOUT -> in;
        case MUL -> graph.node(OnnxOps.MUL, base, List.of(in, v.get(n.inputs().get(1))), Map.of());
        case CONCAT -> graph.node(OnnxOps.CONCAT, base, n.inputs().stream().map(v::get).toList(), Map.of("axis", n.integer("axis")));
        case LEAKYRELU -> graph.node(OnnxOps.LEAKY_RELU, base, List.of(in), Map.of("alpha", (float) n.real("alpha")));
        case CLIP -> graph.node(OnnxOps.CLIP, base, List.of(in,
            scalar(base + ".min#" + i, n.attrs().containsKey("min") ? n.real("min") : -Float.MAX_VALUE),
            scalar(base + ".max#" + i, n.attrs().containsKey("max") ? n.real("max") : Float.MAX_VALUE)), Map.of());
        case SIGMOID -> graph.node(OnnxOps.SIGMOID, base, List.of(in), Map.of());
        case HARDSIGMOID -> graph.node(OnnxOps.HARD_SIGMOID, base, List.of(in), Map.of("alpha", (float) n.real("alpha"),
            "beta", (float) n.real("beta")));
        case HARDSWISH -> graph.node(OnnxOps.HARD_SWISH, base, List.of(in), Map.of());
        case TRANSPOSE -> graph.node(OnnxOps.TRANSPOSE, base, List.of(in), Map.of("perm", n.ints("perm")));
        case SLICE -> graph.node(OnnxOps.SLICE, base, List.of(in, ints(base + ".starts#" + i, n.ints("starts")),
            ints(base + ".ends#" + i, n.ints("ends")), ints(base + ".axes#" + i, n.ints("axes")),
            ints(base + ".steps#" + i, n.ints("steps"))), Map.of());
        case REDUCEMEAN -> graph.node(OnnxOps.REDUCE_MEAN, base, List.of(in), Map.of("axes", n.ints("axes"),
            "keepdims", n.integer("keepdims")));
        case ADDCONST -> constantOperand(OnnxOps.ADD, n, base, i, in);
        case SUBCONST -> constantOperand(OnnxOps.SUB, n, base, i, in);
        case MULCONST -> constantOperand(OnnxOps.MUL, n, base, i, in);
        case DIVCONST -> constantOperand(OnnxOps.DIV, n, base, i, in);
      };
      v.put(n.output(), y);
    }
    return v.get(s.output());
  }

  private String constantOperand(OnnxOps op, GraphNode n, String base, int i, String in) {
    long[] dims = Arrays.stream(n.ints("shape")).mapToLong(d -> d).toArray();
    List<Number> v = n.attrs().get("value");
    float[] values = new float[v.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = v.get(k).floatValue();
    }
    String c = graph.initializer(base + ".constant#" + i, dims, values);
    return graph.node(op, base, n.integer("first") != 0 ? List.of(c, in) : List.of(in, c), Map.of());
  }

  private String ints(String name, int[] values) {
    return graph.int64Initializer(name, Arrays.stream(values).mapToLong(d -> d).toArray());
  }

  private String scalar(String name, double value) {
    return graph.initializer(name, new long[0], new float[] {(float) value});
  }

  private static int[] pads(GraphNode n) {
    int[] p = n.ints("pads");
    return new int[] {p[0], p[1], p[0], p[1]};
  }
}
