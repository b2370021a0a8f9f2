package dev.convcut.interop.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.convcut.model.BatchNorm2d;
import dev.convcut.model.Conv2d;
import dev.convcut.model.ConvSpec;
import dev.convcut.model.Dropout;
import dev.convcut.model.Flatten;
import dev.convcut.model.GlobalAvgPool;
import dev.convcut.model.LayerForm;
import dev.convcut.model.Linear;
import dev.convcut.model.MaxPool2d;
import dev.convcut.model.Module;
import dev.convcut.model.Param;
import dev.convcut.model.Relu;
import dev.convcut.model.ResidualBlock;
import dev.convcut.model.SequentialStage;
import dev.convcut.model.Stage;
import dev.convcut.model.graph.GraphStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a network's stages into an {@link OnnxGraph} as its inference forward pass runs them:
 * modules in order, a residual block as {@code Relu(Add(body, shortcut))}, dropout left out.
 * Each value is named after the stage and module that computes it.
 */
final class StageWriter {
  private final OnnxGraph graph;
  private final boolean fold;
  private final NDManager scope;

  StageWriter(OnnxGraph graph, boolean fold, NDManager scope) {
    this.graph = graph;
    this.fold = fold;
    this.scope = scope;
  }

  /** The stages applied to value {@code x}; returns the last value. */
  String stages(List<Stage> stages, String x) {
    String y = x;
    for (Stage s : stages) {
      if (s instanceof SequentialStage seq) {
        y = modules(s.name(), seq.modules(), y);
      } else if (s instanceof ResidualBlock block) {
        String body = modules(s.name(), block.body(), y);
        String shortcut = block.downsample().isEmpty() ? y : modules(s.name(), block.downsample(), y);
        String sum = graph.node(OnnxOps.ADD, s.name() + ".add", List.of(body, shortcut), Map.of());
        y = graph.node(OnnxOps.RELU, s.name() + ".relu", List.of(sum), Map.of());
      } else if (s instanceof GraphStage g) {
        y = new GraphStageWriter(this, graph, fold).stage(g, y);
      } else {
        throw new IllegalArgumentException("stage " + s.name() + " is a " + s.getClass().getSimpleName()
            + ", which has no ONNX form");
      }
    }
    return y;
  }

  private String modules(String stage, List<Module> modules, String x) {
    String y = x;
    for (int i = 0; i < modules.size(); i++) {
      Module m = modules.get(i);
      if (m instanceof Conv2d c) {
        BatchNorm2d bn = fold && i + 1 < modules.size() && modules.get(i + 1) instanceof BatchNorm2d b ? b : null;
        y = conv(c, bn, y);
        i += bn == null ? 0 : 1;
      } else if (m instanceof BatchNorm2d bn) {
        y = batchNorm(bn, y);
      } else if (m instanceof Relu) {
        y = graph.node(OnnxOps.RELU, stage + ".relu", List.of(y), Map.of());
      } else if (m instanceof MaxPool2d p) {
        int q = p.padding();
        y = graph.node(OnnxOps.MAX_POOL, stage + ".maxpool", List.of(y), Map.of("kernel_shape", new int[] {p.kernel(), p.kernel()},
            "strides", new int[] {p.stride(), p.stride()}, "pads", new int[] {q, q, q, q}, "ceil_mode", 0));
      } else if (m instanceof GlobalAvgPool) {
        String pooled = graph.node(OnnxOps.GLOBAL_AVERAGE_POOL, stage + ".avgpool", List.of(y), Map.of());
        y = graph.node(OnnxOps.FLATTEN, stage + ".flatten", List.of(pooled), Map.of("axis", 1));
      } else if (m instanceof Flatten) {
        y = graph.node(OnnxOps.FLATTEN, stage + ".flatten", List.of(y), Map.of("axis", 1));
      } else if (m instanceof Linear l) {
        List<Param> p = l.params();
        String w = initializer(p.get(0).name(), p.get(0).array());
        String b = initializer(p.get(1).name(), p.get(1).array());
        y = graph.node(OnnxOps.GEMM, l.name(), List.of(y, w, b), Map.of("transB", 1));
      } else if (!(m instanceof Dropout)) {
        throw new IllegalArgumentException("module " + m.getClass().getSimpleName() + " in stage " + stage
            + " has no ONNX form");
      }
    }
    return y;
  }

  /**
   * The slot's convolutions in order as Conv nodes, with {@code bn} (when not null) folded into
   * the last one. Weights are the stored kernels, not the channel-padded copies libtorch runs.
   */
  String conv(Conv2d c, BatchNorm2d bn, String x) {
    List<ConvSpec> convs = c.convolutions();
    int last = convs.size() - 1;
    String y = x;
    for (int j = 0; j <= last; j++) {
      String prefix = c.form().isDense() ? c.name() : LayerForm.factorParam(c.name(), j, "").replaceAll("\\.$", "");
      NDArray w = c.convolutionWeight(j);
      NDArray b = c.convolutionBias(j);
      if (j == last && bn != null) {
        NDArray[] folded = bn.foldInto(w, b, scope);
        w = folded[0];
        b = folded[1];
      }
      List<String> inputs = new ArrayList<>(List.of(y, initializer(prefix + ".weight", w)));
      if (b != null) {
        inputs.add(initializer(prefix + ".bias", b));
      }
      ConvSpec k = convs.get(j);
      y = graph.node(OnnxOps.CONV, prefix, inputs, Map.of(
          "kernel_shape", new int[] {k.kernelH(), k.kernelW()},
          "strides", new int[] {k.strideH(), k.strideW()},
          "pads", new int[] {k.padH(), k.padW(), k.padH(), k.padW()},
          "dilations", new int[] {k.dilationH(), k.dilationW()},
          "group", k.groups()));
    }
    return y;
  }

  String batchNorm(BatchNorm2d bn, String x) {
    List<String> inputs = new ArrayList<>(List.of(x));
    String name = null;
    for (Param p : bn.params()) {
      inputs.add(initializer(p.name(), p.array()));
      name = name == null ? p.name().substring(0, p.name().lastIndexOf('.')) : name;
    }
    return graph.node(OnnxOps.BATCH_NORMALIZATION, name, inputs, Map.of("epsilon", (float) bn.eps()));
  }

  String initializer(String name, NDArray a) {
    return graph.initializer(name, a.getShape().getShape(), a.toFloatArray());
  }
}
