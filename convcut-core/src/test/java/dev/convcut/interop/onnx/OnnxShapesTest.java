package dev.convcut.interop.onnx;

import static dev.convcut.interop.onnx.OnnxImportTest.input;
import static dev.convcut.interop.onnx.OnnxImportTest.int1;
import static dev.convcut.interop.onnx.OnnxImportTest.int64s;
import static dev.convcut.interop.onnx.OnnxImportTest.ints;
import static dev.convcut.interop.onnx.OnnxImportTest.logits;
import static dev.convcut.interop.onnx.OnnxImportTest.node;
import static dev.convcut.interop.onnx.OnnxImportTest.relative;
import static dev.convcut.interop.onnx.OnnxImportTest.tensor;
import static dev.convcut.interop.onnx.OnnxImportTest.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import dev.convcut.ConvcutException;
import dev.convcut.WithEngine;
import dev.convcut.model.Network;
import dev.convcut.model.graph.GraphNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written graphs of the axis-moving operators ({@code Transpose}, {@code Slice},
 * {@code Split}, {@code ReduceMean}) and of arithmetic with a constant operand ({@code Add},
 * {@code Sub}, {@code Mul}, {@code Div}) import to networks that give ONNX Runtime's logits and
 * export back; the forms convcut does not run are refused naming the node.
 */
class OnnxShapesTest extends WithEngine {
  @TempDir Path dir;

  static byte[] model(OnnxMl.GraphProto g) {
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder()
        .setVersion(17)).setGraph(g).build().toByteArray();
  }

  static OnnxMl.TensorProto positive(String name, Random r, long... dims) {
    OnnxMl.TensorProto t = tensor(name, r, dims);
    OnnxMl.TensorProto.Builder b = t.toBuilder().clearFloatData();
    t.getFloatDataList().forEach(v -> b.addFloatData(0.5f + Math.abs(v)));
    return b.build();
  }

  /**
   * A channel shuffle (Reshape, Transpose, Reshape), a Split into 3 and 5 channels, Sub and Div by
   * per-channel constants, Mul by a constant along the width (constant first) and Add of one,
   * Concat, a Slice of channels and of every other column from a negative start, a
   * squeeze-excitation-like ReduceMean with keepdims times its input, and a ReduceMean without.
   */
  @Test
  void shuffleSplitSliceReduceMeanAndConstantArithmeticAgreeWithOnnxRuntime() throws Exception {
    Random r = new Random(5);
    OnnxMl.NodeProto split = OnnxMl.NodeProto.newBuilder().setOpType("Split").setName("/split/Split").addInput("d")
        .addInput("sizes").addOutput("e1").addOutput("e2").addAttribute(int1("axis", 1)).build();
    OnnxMl.GraphProto g = OnnxMl.GraphProto.newBuilder().setName("shapes")
        .addInput(value("x", "N", 3, 12, 12)).addOutput(value("y", "N", 5))
        .addInitializer(tensor("c1.weight", r, 8, 3, 3, 3)).addInitializer(tensor("c1.bias", r, 8))
        .addInitializer(int64s("grouped", 0, 2, 4, 12, 12)).addInitializer(int64s("flat", 0, -1, 12, 12))
        .addInitializer(int64s("sizes", 3, 5)).addInitializer(tensor("mean", r, 3, 1, 1))
        .addInitializer(positive("std", r, 1, 3, 1, 1)).addInitializer(tensor("width", r, 12))
        .addInitializer(tensor("shift", r, 5, 1, 1))
        .addInitializer(int64s("starts", 1, -11)).addInitializer(int64s("ends", 7, Long.MAX_VALUE))
        .addInitializer(int64s("axes", 1, -1)).addInitializer(int64s("steps", 1, 2))
        .addInitializer(tensor("fc.weight", r, 5, 6)).addInitializer(tensor("fc.bias", r, 5))
        .addNode(node("Conv", "/c1/Conv", List.of("x", "c1.weight", "c1.bias"), "a", ints("pads", 1, 1, 1, 1)))
        .addNode(node("Reshape", "/shuffle/Reshape", List.of("a", "grouped"), "b"))
        .addNode(node("Transpose", "/shuffle/Transpose", List.of("b"), "c", ints("perm", 0, 2, 1, 3, 4)))
        .addNode(node("Reshape", "/shuffle/Reshape_1", List.of("c", "flat"), "d"))
        .addNode(split)
        .addNode(node("Sub", "/sub", List.of("e1", "mean"), "f1"))
        .addNode(node("Div", "/div", List.of("f1", "std"), "g1"))
        .addNode(node("Mul", "/mul", List.of("width", "e2"), "f2"))
        .addNode(node("Add", "/add", List.of("f2", "shift"), "g2"))
        .addNode(node("Concat", "/cat", List.of("g1", "g2"), "h", int1("axis", 1)))
        .addNode(node("Slice", "/slice", List.of("h", "starts", "ends", "axes", "steps"), "i"))
        .addNode(node("ReduceMean", "/se/ReduceMean", List.of("i"), "k", ints("axes", 2, 3)))
        .addNode(node("Mul", "/se/Mul", List.of("i", "k"), "m"))
        .addNode(node("ReduceMean", "/ReduceMean", List.of("m"), "p", ints("axes", -1, 2), int1("keepdims", 0)))
        .addNode(node("Gemm", "/fc/Gemm", List.of("p", "fc.weight", "fc.bias"), "y", int1("transB", 1)))
        .build();
    byte[] bytes = model(g);
    Path file = dir.resolve("shapes.onnx");
    Files.write(file, bytes);
    try (Network net = OnnxImport.network(OnnxImport.read(file, new OnnxImport.Options(null, null)), file, manager)) {
      assertThat(net.layerNames()).containsExactly("c1", "fc");
      assertThat(net.spec().graph().nodes()).extracting(GraphNode::op).containsExactly("conv", "reshape", "transpose",
          "reshape", "slice", "slice", "subconst", "divconst", "mulconst", "addconst", "concat", "slice", "reducemean",
          "mul", "reducemean", "linear");
      GraphNode slice = net.spec().graph().nodes().get(11);
      assertThat(slice.ints("axes")).containsExactly(1, 3);
      assertThat(slice.ints("starts")).containsExactly(1, 1);
      assertThat(slice.ints("ends")).containsExactly(7, 12);
      float[] x = input(net.spec(), 2);
      float[] ort;
      try (OrtModel o = OrtModel.load(bytes, 2, "shapes"); OrtModel.Batch b = o.batch(x, new long[] {2, 3, 12, 12})) {
        ort = o.run(b);
      }
      double rel = relative(ort, logits(net, x, 2));
      System.out.printf(Locale.ROOT, "ONNX import, shuffle/split/slice/reducemean/constants vs ONNX Runtime: %.2e%n", rel);
      assertThat(rel).isLessThanOrEqualTo(OnnxImportTest.TOLERANCE);
      assertThat(OnnxExportTest.disagreement("shapes, re-exported", net, true, 2))
          .isLessThanOrEqualTo(OnnxImportTest.TOLERANCE);
    }
  }

  private void refused(OnnxMl.NodeProto n, String message, OnnxMl.TensorProto... inits) throws Exception {
    OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName("bad").addInput(value("x", "N", 4, 6, 6))
        .addOutput(value("y", "N", 4, 6, 6)).addNode(n);
    for (OnnxMl.TensorProto t : inits) {
      g.addInitializer(t);
    }
    Path file = dir.resolve(n.getName() + ".onnx");
    Files.write(file, model(g.build()));
    assertThatThrownBy(() -> OnnxImport.read(file, new OnnxImport.Options(null, null)))
        .isInstanceOf(ConvcutException.class)
        .hasMessageContaining("node '" + n.getName() + "' (" + n.getOpType() + ")")
        .hasMessageContaining(message);
  }

  @Test
  void movingOrCuttingTheBatchAxisAndArithmeticOfTwoComputedValuesAreRefusedByNode() throws Exception {
    Random r = new Random(6);
    refused(node("Transpose", "swap", List.of("x"), "y", ints("perm", 1, 0, 2, 3)), "moves the batch axis");
    refused(node("Transpose", "reverse", List.of("x"), "y"), "moves the batch axis");
    refused(node("Slice", "batch", List.of("x", "s", "e", "a"), "y"), "along axis 0 (the batch axis)",
        int64s("s", 0), int64s("e", 1), int64s("a", 0));
    refused(node("Slice", "backwards", List.of("x", "s", "e", "a", "st"), "y"), "steps > 0 only",
        int64s("s", -1), int64s("e", 0), int64s("a", 2), int64s("st", -1));
    refused(node("Slice", "empty", List.of("x", "s", "e", "a"), "y"), "is empty",
        int64s("s", 3), int64s("e", 3), int64s("a", 1));
    refused(node("ReduceMean", "everything", List.of("x"), "y"), "averages over the batch");
    refused(node("Sub", "twice", List.of("x", "x"), "y"), "one operand must be a constant");
    refused(node("Mul", "perSample", List.of("x", "c"), "y"), "spans the batch axis", tensor("c", r, 2, 4, 1, 1));
    refused(node("Add", "grows", List.of("x", "c"), "y"), "without growing it", tensor("c", r, 4, 6, 7));
    OnnxMl.NodeProto uneven = OnnxMl.NodeProto.newBuilder().setOpType("Split").setName("uneven").addInput("x")
        .addInput("sizes").addOutput("y").addOutput("z").addAttribute(int1("axis", 1)).build();
    refused(uneven, "do not cut axis 1 of 4", int64s("sizes", 1, 2));
  }
}
