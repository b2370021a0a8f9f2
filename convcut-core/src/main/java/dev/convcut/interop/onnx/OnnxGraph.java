package dev.convcut.interop.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXContext;

/**
 * An ONNX graph being written: float32 initializers under the names given (convcut's parameter
 * names), nodes built and checked by Tribuo's operator builder, each node and its output value
 * named after the layer it computes, and one float32 input and output with a symbolic batch
 * dimension.
 */
final class OnnxGraph {
  /** The symbolic batch dimension of the input and the output. */
  static final String BATCH = "N";

  private final ONNXContext context = new ONNXContext();
  private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
  private final List<OnnxMl.NodeProto.Builder> nodes = new ArrayList<>();
  private final Set<String> names = new HashSet<>();

  private final String input;
  private final String output;

  /** A graph called {@code name} reading value {@code input} and writing value {@code output}. */
  OnnxGraph(String name, String input, String output) {
    graph.setName(name);
    this.input = input;
    this.output = output;
    claim(input);
    claim(output);
  }

  /** Adds a float32 initializer {@code name} of shape {@code dims}; returns its name. */
  String initializer(String name, long[] dims, float[] values) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    if (n != values.length) {
      throw new IllegalArgumentException("initializer " + name + ": " + values.length + " values for shape "
          + java.util.Arrays.toString(dims));
    }
    claim(name);
    ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
        .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(raw.array()));
    for (long d : dims) {
      t.addDims(d);
    }
    graph.addInitializer(t);
    return name;
  }

  /** Adds a one-dimensional int64 initializer {@code name} (a shape or padding); returns its name. */
  String int64Initializer(String name, long[] values) {
    claim(name);
    OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name)
        .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber()).addDims(values.length);
    for (long v : values) {
      t.addInt64Data(v);
    }
    graph.addInitializer(t);
    return name;
  }

  /**
   * Adds a node {@code op(inputs)} named {@code name} (made unique with a {@code #k} suffix if
   * taken) whose output value has the same name; returns that name.
   */
  String node(OnnxOps op, String name, List<String> inputs, Map<String, Object> attributes) {
    String out = unique(name);
    OnnxMl.NodeProto node = op.build(context, inputs.toArray(String[]::new), new String[] {out}, attributes);
    nodes.add(node.toBuilder().setName(out));
    return out;
  }

  /**
   * The finished graph: the input of shape {@code [N, inputDims...]}, and the value {@code last}
   * renamed to the output, of shape {@code [N, outputDims...]}.
   */
  OnnxMl.GraphProto build(long[] inputDims, String last, long[] outputDims) {
    OnnxMl.NodeProto.Builder producer = nodes.stream().filter(n -> n.getOutputList().contains(last)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no node computes " + last));
    producer.setOutput(producer.getOutputList().indexOf(last), output);
    for (OnnxMl.NodeProto.Builder n : nodes) {
      if (n.getInputList().contains(last)) {
        throw new IllegalStateException("value " + last + " is read by node " + n.getName() + "; it cannot be the output");
      }
      graph.addNode(n);
    }
    graph.addInput(value(input, inputDims));
    graph.addOutput(value(output, outputDims));
    return graph.build();
  }

  private static OnnxMl.ValueInfoProto value(String name, long[] dims) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
    for (long d : dims) {
      shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    OnnxMl.TypeProto.Tensor tensor = OnnxMl.TypeProto.Tensor.newBuilder()
        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setShape(shape).build();
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder().setTensorType(tensor))
        .build();
  }

  private void claim(String name) {
    if (!names.add(name)) {
      throw new IllegalStateException("two values named " + name + " in the ONNX graph");
    }
  }

  private String unique(String name) {
    String n = name;
    for (int k = 1; names.contains(n); k++) {
      n = name + "#" + k;
    }
    claim(n);
    return n;
  }
}
