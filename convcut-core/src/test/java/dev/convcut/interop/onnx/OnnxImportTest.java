package dev.convcut.interop.onnx;

import dev.convcut.Marked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl;
import dev.convcut.ConvcutException;
import dev.convcut.WithEngine;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Network;
import dev.convcut.model.graph.GraphStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX files of convcut's own networks come back as networks with the same logits, layer names
 * and stage boundaries; unsupported or broken files are refused by name.
 */
class OnnxImportTest extends WithEngine {
  static final double TOLERANCE = 1e-5;
  @TempDir Path dir;

  /** Max |a − b| / max |a|. */
  static double relative(float[] a, float[] b) {
    assertThat(b).hasSameSizeAs(a);
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < a.length; i++) {
      diff = Math.max(diff, Math.abs(a[i] - b[i]));
      scale = Math.max(scale, Math.abs(a[i]));
    }
    return diff / scale;
  }

  static float[] input(ModelSpec s, int batch) {
    Random r = new Random(42);
    float[] x = new float[batch * s.channels() * s.size() * s.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  static float[] logits(Network net, float[] x, int batch) {
    ModelSpec s = net.spec();
    try (NDManager m = manager.newSubManager(); Network.Inference inf = net.inference()) {
      NDArray in = m.create(x, new Shape(batch, s.channels(), s.size(), s.size()));
      return inf.forward(in).toFloatArray();
    }
  }

  Network roundTrip(String what, Network net, boolean fold) throws Exception {
    Path file = dir.resolve(what.replace(' ', '-') + (fold ? "" : "-nofold") + ".onnx");
    byte[] bytes = OnnxExport.model(net, fold).toByteArray();
    Files.write(file, bytes);
    OnnxImport.Imported imp = OnnxImport.read(file, new OnnxImport.Options(null, null));
    Network back = OnnxImport.network(imp, file, manager);
    int batch = 3;
    float[] x = input(net.spec(), batch);
    float[] expected = logits(net, x, batch);
    double rel = relative(expected, logits(back, x, batch));
    float[] ort;
    try (OrtModel o = OrtModel.load(bytes, 2, what); OrtModel.Batch b = o.batch(x, new long[] {batch,
        net.spec().channels(), net.spec().size(), net.spec().size()})) {
      ort = o.run(b);
    }
    double relOrt = relative(ort, logits(back, x, batch));
    System.out.printf(Locale.ROOT, "ONNX import %-10s %-8s: imported vs convcut %.2e, vs ONNX Runtime %.2e%n", what,
        fold ? "folded" : "no-fold", rel, relOrt);
    assertThat(rel).isLessThanOrEqualTo(TOLERANCE);
    assertThat(relOrt).isLessThanOrEqualTo(TOLERANCE);
    assertThat(back.layerNames()).isEqualTo(net.layerNames());
    assertThat(OnnxExportTest.disagreement(what + " imported, re-exported", back, fold, 2))
        .isLessThanOrEqualTo(OnnxExportTest.TOLERANCE);
    return back;
  }

  @Test
  void cnn4ComesBackWithItsLogitsNamesAndOneStagePerLayer() throws Exception {
    try (Network net = OnnxExportTest.network(OnnxExportTest.CNN4, 1)) {
      try (Network back = roundTrip("cnn4", net, true)) {
        assertThat(back.stages()).hasSize(6);
        assertThat(back.stages().stream().map(s -> s.name()).toList())
            .containsExactly("features.0", "features.2", "features.6", "features.8", "classifier.1", "classifier.4");
      }
      roundTrip("cnn4", net, false).close();
    }
  }

  @Test
  void resnet20ComesBackWithAStagePerBlock() throws Exception {
    try (Network net = OnnxExportTest.network(OnnxExportTest.RESNET20, 2)) {
      try (Network back = roundTrip("resnet20", net, false)) {
        assertThat(back.stages()).hasSameSizeAs(net.stages());
        assertThat(back.stageOf("layer2.0.downsample.0")).isEqualTo(net.stageOf("layer2.0.downsample.0"));
        assertThat(back.param("layer1.0.bn1.running_var")).isNotNull();
        assertThat(back.stages().get(0)).isInstanceOf(GraphStage.class);
      }
      roundTrip("resnet20", net, true).close();
    }
  }

  @Test
  void resnet50AndTheImagenetStemComeBack() throws Exception {
    try (Network net = OnnxExportTest.network(OnnxExportTest.RESNET50, 3)) {
      roundTrip("resnet50", net, true).close();
      roundTrip("resnet50", net, false).close();
    }
    try (Network net = OnnxExportTest.network(OnnxExportTest.RESNET18_IMAGENET, 4)) {
      roundTrip("resnet18im", net, true).close();
    }
  }

  static OnnxMl.NodeProto node(String op, String name, List<String> in, String out, OnnxMl.AttributeProto... attrs) {
    return OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(in).addOutput(out)
        .addAllAttribute(List.of(attrs)).build();
  }

  static OnnxMl.AttributeProto ints(String name, long... v) {
    OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
        .setType(OnnxMl.AttributeProto.AttributeType.INTS);
    for (long x : v) {
      a.addInts(x);
    }
    return a.build();
  }

  static OnnxMl.AttributeProto int1(String name, long v) {
    return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT).setI(v).build();
  }

  static OnnxMl.AttributeProto text(String name, String v) {
    return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRING)
        .setS(com.google.protobuf.ByteString.copyFromUtf8(v)).build();
  }

  static OnnxMl.TensorProto tensor(String name, Random r, long... dims) {
    OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(1);
    long n = 1;
    for (long d : dims) {
      t.addDims(d);
      n *= d;
    }
    for (long i = 0; i < n; i++) {
      t.addFloatData((float) (r.nextGaussian() * 0.3));
    }
    return t.build();
  }

  static OnnxMl.TensorProto int64s(String name, long... v) {
    OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(7).addDims(v.length);
    for (long x : v) {
      t.addInt64Data(x);
    }
    return t.build();
  }

  static OnnxMl.ValueInfoProto value(String name, Object... dims) {
    OnnxMl.TensorShapeProto.Builder s = OnnxMl.TensorShapeProto.newBuilder();
    for (Object d : dims) {
      s.addDim(d instanceof String p ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(p).build()
          : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(((Number) d).longValue()).build());
    }
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder().setTensorType(
        OnnxMl.TypeProto.Tensor.newBuilder().setElemType(1).setShape(s))).build();
  }

  /**
   * A hand-written graph of what torch's exporters write less often: auto_pad SAME_UPPER with
   * stride 2 (unequal pads), a depthwise convolution, LeakyRelu, an explicit Pad, an
   * AveragePool counting pads, a MatMul plus an Add of its bias, a Reshape from a folded
   * Shape/Gather/Concat chain; the imported network gives ONNX Runtime's logits. (Not ceil mode
   * after a Pad here: ONNX Runtime 1.22's Pad fusion moves the Pad into the pool's pads and then
   * drops a ceil-mode window that PyTorch and the ONNX specification keep; squeezenet1_1 in
   * OnnxTorchvisionTest checks ceil mode against PyTorch.)
   */
  @Test
  void autoPadPadsDepthwiseMatMulAndShapeChainsAgreeWithOnnxRuntime() throws Exception {
    Random r = new Random(3);
    OnnxMl.GraphProto g = OnnxMl.GraphProto.newBuilder().setName("hand")
        .addInput(value("x", "N", 3, 15, 15)).addOutput(value("y", "N", 5))
        .addInitializer(tensor("c1.weight", r, 8, 3, 3, 3)).addInitializer(tensor("c1.bias", r, 8))
        .addInitializer(tensor("dw.weight", r, 8, 1, 3, 3))
        .addInitializer(int64s("pads", 0, 0, 1, 0, 0, 0, 0, 1)).addInitializer(int64s("zero", 0))
        .addInitializer(int64s("minus1", -1)).addInitializer(tensor("fcW", r, 8 * 3 * 3, 5)).addInitializer(tensor("fcB", r, 5))
        .addNode(node("Conv", "/c1/Conv", List.of("x", "c1.weight", "c1.bias"), "a", ints("strides", 2, 2),
            text("auto_pad", "SAME_UPPER")))
        .addNode(node("LeakyRelu", "lrelu", List.of("a"), "b"))
        .addNode(node("Conv", "/features/features.1/Conv", List.of("b", "dw.weight"), "c", int1("group", 8), ints("pads", 1, 1, 1, 1)))
        .addNode(node("Pad", "pad", List.of("c", "pads"), "d"))
        .addNode(node("AveragePool", "pool", List.of("d"), "e", ints("kernel_shape", 3, 3), ints("strides", 3, 3),
            int1("ceil_mode", 0), int1("count_include_pad", 1), ints("pads", 1, 1, 1, 1)))
        .addNode(node("Shape", "shape", List.of("e"), "s"))
        .addNode(node("Gather", "gather", List.of("s", "zero"), "n", int1("axis", 0)))
        .addNode(node("Concat", "cat", List.of("n", "minus1"), "target", int1("axis", 0)))
        .addNode(node("Reshape", "flat", List.of("e", "target"), "f"))
        .addNode(node("MatMul", "/fc/MatMul", List.of("f", "fcW"), "g"))
        .addNode(node("Add", "/fc/Add", List.of("g", "fcB"), "y"))
        .build();
    byte[] bytes = OnnxMl.ModelProto.newBuilder().setIrVersion(8).addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder()
        .setVersion(17)).setGraph(g).build().toByteArray();
    Path file = dir.resolve("hand.onnx");
    Files.write(file, bytes);
    try (Network net = OnnxImport.network(OnnxImport.read(file, new OnnxImport.Options(null, null)), file, manager)) {
      assertThat(net.layerNames()).containsExactly("c1", "dw", "fc");
      // Automatic compression leaves the depthwise convolution dense, and refuses when nothing else is left.
      assertThat(dev.convcut.tensorize.CompressRun.factorizable(net, List.of("c1", "dw"))).containsExactly("c1");
      assertThatThrownBy(() -> dev.convcut.tensorize.CompressRun.factorizable(net, List.of("dw")))
          .hasMessageContaining("grouped convolution");
      float[] x = input(net.spec(), 2);
      float[] ort;
      try (OrtModel o = OrtModel.load(bytes, 2, "hand"); OrtModel.Batch b = o.batch(x, new long[] {2, 3, 15, 15})) {
        ort = o.run(b);
      }
      double rel = relative(ort, logits(net, x, 2));
      System.out.printf(Locale.ROOT, "ONNX import, hand-written graph vs ONNX Runtime: %.2e%n", rel);
      assertThat(rel).isLessThanOrEqualTo(TOLERANCE);
      assertThat(OnnxExportTest.disagreement("hand-written, re-exported", net, true, 2)).isLessThanOrEqualTo(TOLERANCE);
    }
  }

  @Test
  void everyUnsupportedOperatorIsNamedAtOnce() throws Exception {
    OnnxMl.ModelProto m;
    try (Network net = OnnxExportTest.network(OnnxExportTest.CNN4, 5)) {
      m = OnnxExport.model(net, true);
    }
    OnnxMl.GraphProto.Builder g = m.getGraph().toBuilder();
    g.setNode(0, g.getNode(0).toBuilder().setOpType("Softsign"));
    g.setNode(2, g.getNode(2).toBuilder().setOpType("Einsum"));
    Path file = dir.resolve("bad.onnx");
    Files.write(file, m.toBuilder().setGraph(g).build().toByteArray());
    assertThatThrownBy(() -> OnnxImport.read(file, new OnnxImport.Options(null, null)))
        .isInstanceOf(ConvcutException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("2 operators are not supported (opset 17)")
        .hasMessageContaining("Softsign at node '" + g.getNode(0).getName() + "'")
        .hasMessageContaining("Einsum at node '" + g.getNode(2).getName() + "'")
        .hasMessageContaining("convcut imports: Add, AveragePool");
  }

  @Test
  void corruptTruncatedAndOutOfRangeFilesAreRefusedByName() throws Exception {
    byte[] bytes;
    OnnxMl.ModelProto m;
    try (Network net = OnnxExportTest.network(OnnxExportTest.CNN4, 6)) {
      m = OnnxExport.model(net, true);
      bytes = m.toByteArray();
    }
    Path cut = dir.resolve("cut.onnx");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> OnnxImport.read(cut, new OnnxImport.Options(null, null)))
        .isInstanceOf(ConvcutException.class).hasMessageStartingWith(cut.toString());
    Path junk = dir.resolve("junk.onnx");
    Files.writeString(junk, "this is not a protobuf at all, just text\n");
    assertThatThrownBy(() -> OnnxImport.read(junk, new OnnxImport.Options(null, null)))
        .isInstanceOf(ConvcutException.class).hasMessageStartingWith(junk.toString());
    Path old = dir.resolve("old.onnx");
    Files.write(old, m.toBuilder().setOpsetImport(0, m.getOpsetImport(0).toBuilder().setVersion(9)).build().toByteArray());
    assertThatThrownBy(() -> OnnxImport.read(old, new OnnxImport.Options(null, null)))
        .isInstanceOf(ConvcutException.class).hasMessageContaining("opset 9 is outside the range convcut imports, 11-18");
  }

  /**
   * Float32 weights load bit for bit however the file keeps them: raw bytes inside the model
   * (read from the file straight into the network), an external data file at offsets, or the
   * typed float_data field.
   */
  @Test
  void weightsInRawDataExternalFilesAndTypedFieldsLoadBitForBit() throws Exception {
    try (Network net = OnnxExportTest.network(OnnxExportTest.CNN4, 5)) {
      OnnxMl.ModelProto m = OnnxExport.model(net, false);
      OnnxMl.GraphProto.Builder external = m.getGraph().toBuilder();
      OnnxMl.GraphProto.Builder typed = m.getGraph().toBuilder();
      java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
      data.write(new byte[13]); // no initializer starts at offset 0
      for (int i = 0; i < external.getInitializerCount(); i++) {
        OnnxMl.TensorProto t = external.getInitializer(i);
        if (t.getDataType() != 1 || t.getRawData().isEmpty()) {
          continue;
        }
        external.setInitializer(i, t.toBuilder().clearRawData().setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
            .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("location").setValue("w.bin"))
            .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("offset").setValue(String.valueOf(data.size()))));
        data.write(t.getRawData().toByteArray());
        java.nio.FloatBuffer f = t.getRawData().asReadOnlyByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        OnnxMl.TensorProto.Builder b = t.toBuilder().clearRawData();
        while (f.hasRemaining()) {
          b.addFloatData(f.get());
        }
        typed.setInitializer(i, b);
      }
      Files.write(dir.resolve("w.bin"), data.toByteArray());
      java.util.Map<String, OnnxMl.GraphProto> variants = new java.util.LinkedHashMap<>();
      variants.put("raw", m.getGraph());
      variants.put("external", external.build());
      variants.put("typed", typed.build());
      for (var v : variants.entrySet()) {
        Path file = dir.resolve(v.getKey() + ".onnx");
        Files.write(file, m.toBuilder().setGraph(v.getValue()).build().toByteArray());
        try (Network back = OnnxImport.network(OnnxImport.read(file, new OnnxImport.Options(null, null)), file, manager)) {
          var expected = dev.convcut.checkpoint.StateDict.of(net);
          var actual = dev.convcut.checkpoint.StateDict.of(back);
          assertThat(actual.keySet()).as(v.getKey()).isEqualTo(expected.keySet());
          expected.forEach((k, a) -> assertThat(java.util.Arrays.equals(actual.get(k).toFloatArray(), a.toFloatArray()))
              .as("%s: %s differs, max |difference| %s", v.getKey(), k, maxDifference(actual.get(k), a)).isTrue());
        }
      }
    }
  }

  private static double maxDifference(NDArray x, NDArray y) {
    float[] a = x.toFloatArray();
    float[] b = y.toFloatArray();
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  @Test
  void missingExternalDataIntegerWeightsAndSeveralOutputsAreRefusedByName() throws Exception {
    OnnxMl.ModelProto m;
    try (Network net = OnnxExportTest.network(OnnxExportTest.CNN4, 8)) {
      m = OnnxExport.model(net, true);
    }
    OnnxMl.GraphProto.Builder g = m.getGraph().toBuilder();
    g.setInitializer(0, g.getInitializer(0).toBuilder().clearRawData()
        .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
        .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("location").setValue("weights.bin")));
    Path external = dir.resolve("external.onnx");
    Files.write(external, m.toBuilder().setGraph(g).build().toByteArray());
    assertThatThrownBy(() -> OnnxImport.read(external, new OnnxImport.Options(null, null)))
        .isInstanceOf(ConvcutException.class).hasMessageStartingWith(external.toString())
        .hasMessageContaining(dir.resolve("weights.bin") + ", which is missing");

    g = m.getGraph().toBuilder();
    OnnxMl.TensorProto w = g.getInitializer(0);
    OnnxMl.TensorProto.Builder ints = w.toBuilder().clearRawData().setDataType(3);
    long n = w.getDimsList().stream().reduce(1L, (a, b) -> a * b);
    ints.setRawData(com.google.protobuf.ByteString.copyFrom(new byte[(int) n]));
    g.setInitializer(0, ints);
    Path quantized = dir.resolve("int8.onnx");
    Files.write(quantized, m.toBuilder().setGraph(g).build().toByteArray());
    assertThatThrownBy(() -> OnnxImport.read(quantized, new OnnxImport.Options(null, null)))
        .isInstanceOf(ConvcutException.class).hasMessageContaining("integer or quantized weights are not supported")
        .hasMessageContaining("node 'features.0' (Conv)");

    g = m.getGraph().toBuilder();
    g.addOutput(g.getOutput(0).toBuilder().setName(g.getNode(0).getOutput(0)));
    Path two = dir.resolve("two.onnx");
    Files.write(two, m.toBuilder().setGraph(g).build().toByteArray());
    assertThatThrownBy(() -> OnnxImport.read(two, new OnnxImport.Options(null, null)))
        .isInstanceOf(ConvcutException.class).hasMessageContaining("2 outputs").hasMessageContaining("pick the logits with the output name NAME")
        .satisfies(e -> assertThat(Marked.of(e)).endsWith("with <ONNX_OUTPUT> NAME"));
    assertThat(OnnxImport.read(two, new OnnxImport.Options(null, "logits")).graph().classes()).isEqualTo(10);
  }

  /** A resnet20 exported by convcut with its input's height and width made symbolic ({@code H}, {@code W}). */
  static byte[] anySize(long seed, boolean fold) {
    OnnxMl.ModelProto m;
    try (Network net = OnnxExportTest.network(OnnxExportTest.RESNET20, seed)) {
      m = OnnxExport.model(net, fold);
    }
    OnnxMl.GraphProto.Builder g = m.getGraph().toBuilder();
    OnnxMl.ValueInfoProto.Builder in = g.getInput(0).toBuilder();
    in.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(2).setDimParam("H");
    in.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(3).setDimParam("W");
    g.setInput(0, in);
    return m.toBuilder().setGraph(g).build().toByteArray();
  }

  @Test
  void aSymbolicImageSizeAsksForInputShape() throws Exception {
    Path file = dir.resolve("dynamic.onnx");
    Files.write(file, anySize(7, true));
    assertThatThrownBy(() -> OnnxImport.read(file, new OnnxImport.Options(null, null)))
        .isInstanceOf(ConvcutException.class).hasMessageContaining("(N, 3, H, W)").hasMessageContaining("with the input shape C,H,W");
    OnnxImport.Imported imp = OnnxImport.read(file, new OnnxImport.Options(List.of(3, 40, 40), null));
    assertThat(imp.graph().height()).isEqualTo(40);
  }

  /**
   * A file with symbolic height and width imported for a non-square 3×32×48 input: convcut's
   * logits are ONNX Runtime's on the original file, the export keeps 32×48 and ONNX Runtime runs
   * it with convcut's logits, and the export imports again to the same logits.
   */
  @Test
  void aNonSquareInputImportsEvaluatesAndExports() throws Exception {
    byte[] bytes = anySize(11, false);
    Path file = dir.resolve("any-size.onnx");
    Files.write(file, bytes);
    long[] shape = {2, 3, 32, 48};
    Random r = new Random(5);
    float[] x = new float[2 * 3 * 32 * 48];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    try (Network net = OnnxImport.network(OnnxImport.read(file, new OnnxImport.Options(List.of(3, 32, 48), null)), file, manager)) {
      assertThat(net.spec().height()).isEqualTo(32);
      assertThat(net.spec().width()).isEqualTo(48);
      assertThat(net.spec().inputShape()).isEqualTo("3x32x48");
      float[] ours;
      try (NDManager sub = manager.newSubManager(); Network.Inference inf = net.inference()) {
        ours = inf.forward(sub.create(x, new Shape(shape))).toFloatArray();
      }
      double vsFile = relative(OnnxTorchvisionTest.ort(bytes, x, shape, "any-size"), ours);
      byte[] exported = OnnxExport.model(net, true).toByteArray();
      OnnxMl.TensorShapeProto dims = OnnxMl.ModelProto.parseFrom(exported).getGraph().getInput(0).getType().getTensorType().getShape();
      assertThat(dims.getDimList().subList(1, 4)).extracting(OnnxMl.TensorShapeProto.Dimension::getDimValue).containsExactly(3L, 32L, 48L);
      double vsExport = relative(OnnxTorchvisionTest.ort(exported, x, shape, "any-size exported"), ours);
      Path back = dir.resolve("32x48.onnx");
      Files.write(back, exported);
      double roundTrip;
      try (Network again = OnnxImport.network(OnnxImport.read(back, new OnnxImport.Options(null, null)), back, manager);
          NDManager sub = manager.newSubManager(); Network.Inference inf = again.inference()) {
        roundTrip = relative(ours, inf.forward(sub.create(x, new Shape(shape))).toFloatArray());
      }
      System.out.printf(Locale.ROOT, "ONNX import 3x32x48: vs ONNX Runtime on the file %.2e, on convcut's export %.2e, round trip %.2e%n",
          vsFile, vsExport, roundTrip);
      assertThat(vsFile).isLessThanOrEqualTo(TOLERANCE);
      assertThat(vsExport).isLessThanOrEqualTo(TOLERANCE);
      assertThat(roundTrip).isLessThanOrEqualTo(1e-6);
    }
  }
}
