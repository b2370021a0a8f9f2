package dev.convcut.interop.onnx;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;
import dev.convcut.ConvcutException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.StateDict;
import dev.convcut.interop.onnx.OnnxTensors.Tensor;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.model.graph.GraphNode;
import dev.convcut.model.graph.GraphSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CNN from an ONNX file (opset {@value #MIN_OPSET}–{@value #MAX_OPSET}, as
 * {@code torch.onnx.export} writes torchvision's classifiers or {@code convcut export} writes
 * convcut's) into a convcut {@link GraphSpec} and its weights, named as PyTorch named them where
 * the file says so. Everything the file asks that convcut cannot run is refused before anything
 * is built: all unsupported operators at once, with node names. See docs/export-import.md.
 */
public final class OnnxImport {
  public static final int MIN_OPSET = 11;
  public static final int MAX_OPSET = 18;
  /** The ONNX operators convcut imports. */
  public static final Set<String> SUPPORTED = new TreeSet<>(Set.of("Conv", "BatchNormalization", "Relu", "Add", "MaxPool",
      "AveragePool", "GlobalAveragePool", "Flatten", "Gemm", "MatMul", "Reshape", "Identity", "Dropout", "Constant",
      "Shape", "Gather", "Unsqueeze", "Squeeze", "Concat", "Cast", "LeakyRelu", "Clip", "Sigmoid", "HardSigmoid", "HardSwish",
      "Mul", "Pad", "Sub", "Div", "Transpose", "Slice", "Split", "ReduceMean"));

  private OnnxImport() {}

  /**
   * What to take from the file.
   *
   * @param inputShape {@code [C, H, W]} for a file whose input dimensions are symbolic, else null
   * @param output the graph output to use when the file has several, else null
   */
  public record Options(List<Integer> inputShape, String output) {
    public Options {
      if (inputShape != null && (inputShape.size() != 3 || inputShape.stream().anyMatch(d -> d < 1))) {
        throw new InvalidSettingException(Setting.INPUT_SHAPE, inputShape, " needs three positive numbers C,H,W, got " + inputShape);
      }
    }
  }

  /** The imported graph, its float32 weights by parameter name, and the file's metadata_props. */
  public record Imported(GraphSpec graph, Map<String, Tensor> weights, int opset, String producer, Map<String, String> metadata) {}

  /** Reads {@code file}. */
  public static Imported read(Path file, Options options) {
    Map<String, Long> rawOffsets = new HashMap<>();
    OnnxMl.ModelProto model = parse(file, rawOffsets);
    int opset = opset(file, model);
    OnnxMl.GraphProto g = model.getGraph();
    unsupported(file, g, opset);
    OnnxConverter c = new OnnxConverter(file);
    Set<String> initializers = new HashSet<>();
    for (OnnxMl.TensorProto t : g.getInitializerList()) {
      try {
        c.constant(t.getName(), OnnxTensors.read(t, file, rawOffsets.getOrDefault(t.getName(), -1L)));
      } catch (ConvcutException e) {
        throw new ConvcutException(e.getMessage() + readers(g, t.getName()), e);
      }
      initializers.add(t.getName());
    }
    List<OnnxMl.ValueInfoProto> inputs = g.getInputList().stream().filter(i -> !initializers.contains(i.getName())).toList();
    if (inputs.size() != 1) {
      throw new ConvcutException(file + ": the graph has " + inputs.size() + " inputs ("
          + String.join(", ", inputs.stream().map(OnnxMl.ValueInfoProto::getName).toList()) + "); convcut imports networks of one image input");
    }
    OnnxMl.ValueInfoProto input = inputs.get(0);
    long[] shape = inputShape(file, input, options.inputShape());
    c.input(input.getName(), shape);
    c.convert(g.getNodeList());
    String output = output(file, g, options.output());
    long[] out = c.shape(output);
    if (out.length != 2) {
      throw new ConvcutException(file + ": output " + output + " has shape " + java.util.Arrays.toString(out)
          + "; convcut needs (N, classes) logits");
    }
    String outRef = c.ref(output);
    List<GraphNode> nodes = live(c.nodes(), outRef);
    Map<String, Tensor> weights = new LinkedHashMap<>();
    Set<String> layers = new HashSet<>();
    nodes.stream().filter(n -> n.kind().weighted()).forEach(n -> layers.add(n.name()));
    c.weights().forEach((k, v) -> {
      if (layers.contains(k.substring(0, k.lastIndexOf('.')))) {
        weights.put(k, v);
      }
    });
    GraphSpec spec;
    try {
      spec = new GraphSpec(input.getName(), (int) shape[1], (int) shape[2], (int) shape[3], nodes, outRef, (int) out[1]);
    } catch (IllegalArgumentException e) {
      throw new ConvcutException(file + ": " + e.getMessage(), e);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    model.getMetadataPropsList().forEach(e -> metadata.put(e.getKey(), e.getValue()));
    return new Imported(spec, weights, opset, model.getProducerName() + " " + model.getProducerVersion(), metadata);
  }

  /** A network of {@code imported}'s graph holding its weights, in a sub-manager of {@code manager}. */
  public static Network network(Imported imported, Path file, NDManager manager) {
    // Built without initial values, then filled one tensor at a time, each read from the file straight into
    // the parameter's memory: no second copy of the weights anywhere (BENCHMARKS.md, "ONNX Runtime").
    Network net = ModelZoo.forLoading(ModelSpec.of(imported.graph()), Map.of(), manager);
    try {
      Map<String, long[]> shapes = new LinkedHashMap<>();
      imported.weights().forEach((k, t) -> shapes.put(k, t.dims()));
      StateDict.load(net, shapes, (k, dst) -> imported.weights().get(k).copyTo(dst), file.toString());
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }

  /** Parses {@code file}; puts where each initializer's {@code raw_data} starts in the file into {@code rawOffsets}. */
  private static OnnxMl.ModelProto parse(Path file, Map<String, Long> rawOffsets) {
    if (!Files.isRegularFile(file)) {
      throw new ConvcutException(file + ": no such file");
    }
    OnnxMl.ModelProto m;
    try (FileChannel ch = FileChannel.open(file)) {
      // Mapped and aliased: the initializers' raw bytes are read where the file lies, not copied onto the heap.
      // Aliasing leaves every raw_data unread: its pages are never touched through the map. Protobuf aliases
      // only a buffer it may take as immutable (a read-only map of the file is); CodedInputStream.newInstance
      // of a ByteBuffer would copy every raw_data onto the heap instead.
      ByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      CodedInputStream in = UnsafeByteOperations.unsafeWrap(mapped.duplicate()).newCodedInput();
      in.enableAliasing(true);
      in.setSizeLimit(Integer.MAX_VALUE);
      m = OnnxMl.ModelProto.parseFrom(in);
      rawDataOffsets(mapped.duplicate(), rawOffsets);
    } catch (InvalidProtocolBufferException e) {
      throw new ConvcutException(file + ": not a readable ONNX model (corrupt or truncated protobuf: " + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new ConvcutException(file + ": unreadable: " + e.getMessage(), e);
    }
    if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
      throw new ConvcutException(file + ": not an ONNX model with a graph (empty, corrupt or truncated file)");
    }
    return m;
  }

  // Field numbers of onnx.proto3: ModelProto.graph, GraphProto.initializer, TensorProto.name and raw_data.
  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;

  /**
   * Walks the protobuf wire format of a model for the initializers' {@code raw_data}, putting
   * where each starts in the file under the initializer's name, without reading the data (it is
   * skipped, not copied), so the weights can later be read from the file straight into the
   * network's memory.
   */
  private static void rawDataOffsets(ByteBuffer file, Map<String, Long> out) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(file);
    in.setSizeLimit(Integer.MAX_VALUE);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag != lengthDelimited(MODEL_GRAPH)) {
        in.skipField(tag);
        continue;
      }
      int graph = in.pushLimit(in.readRawVarint32());
      for (int g = in.readTag(); g != 0; g = in.readTag()) {
        if (g != lengthDelimited(GRAPH_INITIALIZER)) {
          in.skipField(g);
          continue;
        }
        int tensor = in.pushLimit(in.readRawVarint32());
        String name = null;
        long offset = -1;
        for (int t = in.readTag(); t != 0; t = in.readTag()) {
          if (t == lengthDelimited(TENSOR_NAME)) {
            name = in.readString();
          } else if (t == lengthDelimited(TENSOR_RAW_DATA)) {
            int length = in.readRawVarint32();
            offset = in.getTotalBytesRead();
            in.skipRawBytes(length);
          } else {
            in.skipField(t);
          }
        }
        in.popLimit(tensor);
        if (name != null && offset >= 0) {
          out.merge(name, offset, (a, b) -> -1L); // a name twice: read through the parsed model instead
        }
      }
      in.popLimit(graph);
    }
  }

  private static int lengthDelimited(int field) {
    return field << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  private static int opset(Path file, OnnxMl.ModelProto m) {
    int opset = -1;
    for (OnnxMl.OperatorSetIdProto o : m.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        opset = (int) o.getVersion();
      }
    }
    if (opset < MIN_OPSET || opset > MAX_OPSET) {
      throw new ConvcutException(file + ": ONNX opset " + (opset < 0 ? "(none imported)" : opset) + " is outside the range"
          + " convcut imports, " + MIN_OPSET + "-" + MAX_OPSET + "; re-export with opset_version=17");
    }
    return opset;
  }

  private static void unsupported(Path file, OnnxMl.GraphProto g, int opset) {
    Map<String, List<String>> bad = new LinkedHashMap<>();
    for (OnnxMl.NodeProto n : g.getNodeList()) {
      boolean standard = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
      if (!standard || !SUPPORTED.contains(n.getOpType())) {
        String op = standard ? n.getOpType() : n.getDomain() + ":" + n.getOpType();
        bad.computeIfAbsent(op, k -> new ArrayList<>()).add("'" + n.getName() + "'");
      }
    }
    if (!bad.isEmpty()) {
      StringBuilder s = new StringBuilder(file + ": " + bad.size() + " operator" + (bad.size() == 1 ? " is" : "s are")
          + " not supported (opset " + opset + "):");
      bad.forEach((op, nodes) -> s.append("\n  ").append(op).append(" at node").append(nodes.size() == 1 ? " " : "s ")
          .append(String.join(", ", nodes.size() > 8 ? nodes.subList(0, 8) : nodes))
          .append(nodes.size() > 8 ? " and " + (nodes.size() - 8) + " more" : ""));
      s.append("\nconvcut imports: ").append(String.join(", ", SUPPORTED));
      throw new ConvcutException(s.toString());
    }
  }

  private static long[] inputShape(Path file, OnnxMl.ValueInfoProto input, List<Integer> given) {
    OnnxMl.TypeProto.Tensor t = input.getType().getTensorType();
    if (t.getElemType() != OnnxMl.TensorProto.DataType.FLOAT.getNumber()) {
      throw new ConvcutException(file + ": input " + input.getName() + " has ONNX element type " + t.getElemType()
          + "; convcut imports float32 image inputs");
    }
    List<OnnxMl.TensorShapeProto.Dimension> dims = t.getShape().getDimList();
    if (dims.size() != 4) {
      throw new ConvcutException(file + ": input " + input.getName() + " has " + dims.size() + " dimensions; convcut imports"
          + " (N, C, H, W) images");
    }
    long[] shape = {1, 0, 0, 0};
    for (int i = 1; i < 4; i++) {
      long fixed = dims.get(i).hasDimValue() ? dims.get(i).getDimValue() : 0;
      if (given != null) {
        if (fixed > 0 && fixed != given.get(i - 1)) {
          throw new ConvcutException(Words.of(file + ": input " + input.getName() + " is fixed at " + describe(dims) + ", but ",
              Setting.INPUT_SHAPE, " says " + given));
        }
        shape[i] = given.get(i - 1);
      } else if (fixed > 0) {
        shape[i] = fixed;
      } else {
        throw new ConvcutException(Words.of(file + ": input " + input.getName() + " has the symbolic shape " + describe(dims)
            + "; give the size convcut should build it for with ", Setting.INPUT_SHAPE, " C,H,W (e.g. 3,224,224)"));
      }
    }
    return shape;
  }

  private static String describe(List<OnnxMl.TensorShapeProto.Dimension> dims) {
    return "(" + String.join(", ", dims.stream().map(d -> d.hasDimValue() ? String.valueOf(d.getDimValue())
        : d.getDimParam().isEmpty() ? "?" : d.getDimParam()).toList()) + ")";
  }

  private static String output(Path file, OnnxMl.GraphProto g, String wanted) {
    List<String> outputs = g.getOutputList().stream().map(OnnxMl.ValueInfoProto::getName).toList();
    if (wanted != null) {
      if (!outputs.contains(wanted)) {
        throw new ConvcutException(file + ": the graph has no output '" + wanted + "'; its outputs are " + outputs);
      }
      return wanted;
    }
    if (outputs.size() != 1) {
      throw new ConvcutException(Words.of(file + ": the graph has " + outputs.size() + " outputs " + outputs
          + "; pick the logits with ", Setting.ONNX_OUTPUT, " NAME"));
    }
    return outputs.get(0);
  }

  /** " (read by node 'X' (Op), ...)" for the nodes that read {@code value}, or "". */
  private static String readers(OnnxMl.GraphProto g, String value) {
    List<String> nodes = g.getNodeList().stream().filter(n -> n.getInputList().contains(value))
        .map(n -> "'" + n.getName() + "' (" + n.getOpType() + ")").toList();
    return nodes.isEmpty() ? "" : " (read by node " + String.join(", ", nodes) + ")";
  }

  /** The nodes the output depends on, in order. */
  private static List<GraphNode> live(List<GraphNode> nodes, String output) {
    Set<String> needed = new HashSet<>(Set.of(output));
    List<GraphNode> kept = new ArrayList<>();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      GraphNode n = nodes.get(i);
      if (needed.contains(n.output())) {
        kept.add(0, n);
        needed.addAll(n.inputs());
      }
    }
    return kept;
  }

}
