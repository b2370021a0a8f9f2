package dev.convcut.interop.onnx;

import ai.onnx.proto.OnnxMl;
import dev.convcut.ConvcutException;
import dev.convcut.interop.onnx.OnnxTensors.Tensor;
import dev.convcut.model.graph.GraphNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates an ONNX graph's nodes, in their topological order, into convcut graph nodes and named
 * weights: constants are folded (initializers, {@code Constant}, the {@code Shape}/{@code Gather}/
 * {@code Unsqueeze}/{@code Concat} chains on static shapes), every value's shape is inferred from
 * the input's (batch 1 stands for any batch), identities vanish. Errors name the file and node.
 */
final class OnnxConverter {
  /** A value: a constant (values known) or a tensor computed at run time (graph value {@code ref}). */
  record Value(long[] shape, Tensor constant, String ref, String initializer) {
    boolean dynamic() {
      return constant == null;
    }
  }

  private final Path file;
  private final Map<String, Value> values = new HashMap<>();
  private final Map<String, Integer> readers = new HashMap<>();
  private final List<GraphNode> nodes = new ArrayList<>();
  private final Map<String, Tensor> weights = new LinkedHashMap<>();
  private final Set<String> matmulLinears = new HashSet<>();
  private final OnnxNames names = new OnnxNames();
  private OnnxMl.NodeProto node;

  OnnxConverter(Path file) {
    this.file = file;
  }

  void constant(String name, Tensor t) {
    values.put(name, new Value(t.dims(), t, null, name));
  }

  void input(String name, long[] shape) {
    values.put(name, new Value(shape, null, name, null));
  }

  List<GraphNode> nodes() {
    return nodes;
  }

  Map<String, Tensor> weights() {
    return weights;
  }

  /** The graph value computed for ONNX value {@code name} and its shape; fails for a constant. */
  String ref(String name) {
    return dyn(name, "the graph output").ref();
  }

  long[] shape(String name) {
    return values.get(name).shape();
  }

  void convert(List<OnnxMl.NodeProto> all) {
    for (OnnxMl.NodeProto n : all) {
      n.getInputList().forEach(i -> readers.merge(i, 1, Integer::sum));
    }
    for (OnnxMl.NodeProto n : all) {
      node = n;
      convertNode();
    }
  }

  private void convertNode() {
    List<String> in = node.getInputList();
    String out = node.getOutput(0);
    switch (node.getOpType()) {
      case "Constant" -> constant(out, OnnxConstants.value(this));
      case "Identity", "Dropout" -> values.put(out, get(in.get(0)));
      case "Shape" -> OnnxConstants.shapeOf(this, out, get(in.get(0)).shape());
      case "Gather" -> OnnxConstants.gather(this, out, in);
      case "Unsqueeze", "Squeeze" -> OnnxConstants.reshapeConstant(this, out, in);
      case "Cast" -> values.put(out, constOnly(in.get(0), "Cast"));
      case "Concat" -> concat(out, in);
      case "Conv" -> OnnxConvs.conv(this, in, out);
      case "BatchNormalization" -> OnnxLayers.batchNorm(this, in, out);
      case "Relu" -> unary("relu", in, out, Map.of());
      case "Sigmoid" -> unary("sigmoid", in, out, Map.of());
      case "HardSwish" -> unary("hardswish", in, out, Map.of());
      case "LeakyRelu" -> unary("leakyrelu", in, out, Map.of("alpha", List.<Number>of(attrFloat("alpha", 0.01))));
      case "HardSigmoid" -> unary("hardsigmoid", in, out, Map.of("alpha", List.<Number>of(attrFloat("alpha", 0.2)),
          "beta", List.<Number>of(attrFloat("beta", 0.5))));
      case "Clip" -> clip(in, out);
      case "Add", "Sub", "Mul", "Div" -> OnnxArithmetic.binary(this, in, out);
      case "Transpose" -> OnnxShapes.transpose(this, in, out);
      case "Slice" -> OnnxShapes.slice(this, in, out);
      case "Split" -> OnnxShapes.split(this, in);
      case "ReduceMean" -> OnnxShapes.reduceMean(this, in, out);
      case "Pad" -> pad(in, out);
      case "MaxPool", "AveragePool" -> OnnxConvs.pool(this, in, out);
      case "GlobalAveragePool" -> {
        long[] s = dyn(in.get(0), "X").shape();
        add("globalavgpool", null, List.of(dyn(in.get(0), "X")), out, new long[] {s[0], s[1], 1, 1}, Map.of());
      }
      case "Flatten" -> OnnxLayers.flatten(this, in, out);
      case "Gemm", "MatMul" -> OnnxLayers.linear(this, in, out);
      case "Reshape" -> OnnxLayers.reshape(this, in, out);
      default -> throw fail("operator " + node.getOpType() + " is not supported");
    }
  }

  // ---- helpers shared with OnnxConvs

  Value get(String name) {
    Value v = values.get(name);
    if (v == null) {
      throw fail("input '" + name + "' is computed by no earlier node and is no initializer");
    }
    return v;
  }

  Value dyn(String name, String role) {
    Value v = get(name);
    if (!v.dynamic()) {
      throw fail("input " + role + " ('" + name + "') is a constant; convcut needs it computed from the image");
    }
    return v;
  }

  Tensor weight(String name, String role) {
    Value v = get(name);
    if (v.dynamic()) {
      throw fail(role + " ('" + name + "') is computed at run time; convcut needs a constant (an initializer)");
    }
    if (v.constant().integer()) {
      throw fail(role + " ('" + name + "') holds integers; integer or quantized weights are not supported (float only)");
    }
    return v.constant();
  }

  String initializerName(String name) {
    return get(name).initializer();
  }

  String layerName(String weightInitializer) {
    return names.layer(node.getName(), node.getOpType(), weightInitializer);
  }

  void param(String name, Tensor t) {
    weights.put(name, t);
  }

  /** Adds a graph node reading {@code inputs} and computing ONNX value {@code out} of {@code shape}. */
  void add(String op, String name, List<Value> inputs, String out, long[] shape, Map<String, List<Number>> attrs) {
    String n = name != null ? name : out;
    try {
      nodes.add(new GraphNode(op, n, inputs.stream().map(Value::ref).toList(), out, attrs));
    } catch (IllegalArgumentException e) {
      throw fail(e.getMessage());
    }
    values.put(out, new Value(shape, null, out, null));
  }

  /** Adds a graph node computing a fresh internal value; returns it. */
  Value addInternal(String op, String name, Value input, long[] shape, Map<String, List<Number>> attrs) {
    String out = name + ":" + op;
    add(op, out, List.of(input), out, shape, attrs);
    return values.get(out);
  }

  int attrInt(String key, long dflt) {
    for (OnnxMl.AttributeProto a : node.getAttributeList()) {
      if (a.getName().equals(key)) {
        return (int) a.getI();
      }
    }
    return (int) dflt;
  }

  double attrFloat(String key, double dflt) {
    for (OnnxMl.AttributeProto a : node.getAttributeList()) {
      if (a.getName().equals(key)) {
        return a.getF();
      }
    }
    return dflt;
  }

  long[] attrInts(String key, long[] dflt) {
    for (OnnxMl.AttributeProto a : node.getAttributeList()) {
      if (a.getName().equals(key)) {
        return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
      }
    }
    return dflt;
  }

  String attrString(String key, String dflt) {
    for (OnnxMl.AttributeProto a : node.getAttributeList()) {
      if (a.getName().equals(key)) {
        return a.getS().toStringUtf8();
      }
    }
    return dflt;
  }

  Path file() {
    return file;
  }

  List<OnnxMl.AttributeProto> attributes() {
    return node.getAttributeList();
  }

  Set<String> matmulLinears() {
    return matmulLinears;
  }

  /** How many nodes of the ONNX graph read {@code value}. */
  int readers(String value) {
    return readers.getOrDefault(value, 0);
  }

  /** Makes ONNX value {@code out} the same as {@code v} (an identity). */
  void alias(String out, Value v) {
    values.put(out, v);
  }

  List<String> outputs() {
    return node.getOutputList();
  }

  String opType() {
    return node.getOpType();
  }

  ConvcutException fail(String what) {
    return new ConvcutException(file + ": node '" + node.getName() + "' (" + node.getOpType() + "): " + what);
  }

  // ---- constant folding

  Value constOnly(String name, String op) {
    Value v = get(name);
    if (v.dynamic()) {
      throw fail(op + " of a value computed at run time is not supported (only on constant shapes)");
    }
    return new Value(v.shape(), v.constant(), null, null);
  }

  private void concat(String out, List<String> in) {
    if (in.size() == 1) {
      values.put(out, get(in.get(0)));
      return;
    }
    if (in.stream().allMatch(i -> get(i).dynamic())) {
      long[] s = get(in.get(0)).shape().clone();
      int axis = attrInt("axis", 1);
      axis = axis < 0 ? axis + s.length : axis;
      if (axis < 1 || axis >= s.length) {
        throw fail("Concat along axis " + attrInt("axis", 1) + " is not supported (not the batch axis)");
      }
      List<Value> parts = new ArrayList<>();
      s[axis] = 0;
      for (String i : in) {
        long[] p = get(i).shape();
        for (int a = 0; a < s.length; a++) {
          if (a != axis && (p.length != s.length || p[a] != get(in.get(0)).shape()[a])) {
            throw fail("Concat of shapes that differ off the axis: " + Arrays.toString(p));
          }
        }
        s[axis] += p[axis];
        parts.add(get(i));
      }
      add("concat", null, parts, out, s, Map.of("axis", OnnxConvs.nums(axis)));
      return;
    }
    List<Double> v = new ArrayList<>();
    boolean integer = true;
    for (String i : in) {
      Tensor t = constOnly(i, "Concat").constant();
      if (t.dims().length > 1) {
        throw fail("Concat is supported on one-dimensional constants only");
      }
      Arrays.stream(t.values()).forEach(v::add);
      integer &= t.integer();
    }
    constant(out, new Tensor(new long[] {v.size()}, v.stream().mapToDouble(Double::doubleValue).toArray(), integer));
  }

  // ---- layers

  private void unary(String op, List<String> in, String out, Map<String, List<Number>> attrs) {
    add(op, null, List.of(dyn(in.get(0), "X")), out, shape(in.get(0)), attrs);
  }

  private void clip(List<String> in, String out) {
    Map<String, List<Number>> attrs = new HashMap<>();
    String[] keys = {"min", "max"};
    for (int k = 0; k < 2; k++) {
      if (in.size() > k + 1 && !in.get(k + 1).isEmpty()) {
        Tensor t = constOnly(in.get(k + 1), "Clip (" + keys[k] + ")").constant();
        attrs.put(keys[k], List.of(t.values()[0]));
      }
    }
    unary("clip", in, out, attrs);
  }

  private void pad(List<String> in, String out) {
    Value x = dyn(in.get(0), "data");
    if (!attrString("mode", "constant").equals("constant")) {
      throw fail("Pad mode " + attrString("mode", "constant") + " is not supported (constant zeros only)");
    }
    if (in.size() > 2 && !in.get(2).isEmpty() && constOnly(in.get(2), "Pad (value)").constant().values()[0] != 0) {
      throw fail("Pad with a value other than 0 is not supported");
    }
    if (in.size() > 3 && !in.get(3).isEmpty()) {
      throw fail("Pad with axes is not supported");
    }
    double[] p = constOnly(in.get(1), "Pad (pads)").constant().values();
    long[] s = x.shape();
    if (s.length != 4 || p.length != 8 || p[0] != 0 || p[1] != 0 || p[4] != 0 || p[5] != 0
        || Arrays.stream(p).anyMatch(v -> v < 0)) {
      throw fail("Pad " + Arrays.toString(p) + " is supported only on the last two axes of an image, by >= 0 cells");
    }
    if (Arrays.stream(p).allMatch(v -> v == 0)) {
      values.put(out, x);
      return;
    }
    add("pad", null, List.of(x), out, new long[] {s[0], s[1], s[2] + (long) (p[2] + p[6]), s[3] + (long) (p[3] + p[7])},
        Map.of("pads", OnnxConvs.nums((long) p[3], (long) p[7], (long) p[2], (long) p[6])));
  }
}
