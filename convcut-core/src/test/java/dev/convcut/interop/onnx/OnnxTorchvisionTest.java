package dev.convcut.interop.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.WithEngine;
import dev.convcut.data.PythonPeer;
import dev.convcut.model.Network;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.convcut.model.Conv2d;
import dev.convcut.model.Param;
import dev.convcut.tensor.Cut;
import dev.convcut.tensorize.Compressor;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.FactorizedLayer;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real {@code torch.onnx.export} files (Debian's PyTorch 1.13, opset 17, random weights) of
 * torchvision's resnet18, resnet50, vgg11_bn, mobilenet_v2, mobilenet_v3_small, squeezenet1_1,
 * densenet121, efficientnet_b0, shufflenet_v2_x1_0, regnet_x_400mf and of the reference models in
 * {@code shared/peer/models.py}, each exported with BatchNorm folded (the default) and with
 * BatchNorm kept: they import with PyTorch's layer names and give PyTorch's and ONNX Runtime's
 * logits, survive import, export, import unchanged, and a compression of them exports to a file
 * ONNX Runtime runs with convcut's logits. Skipped without python3-torch and python3-torchvision,
 * failed under CI=true.
 */
class OnnxTorchvisionTest extends WithEngine {
  static final double TOLERANCE = 1e-4;
  /** The models' sizes as the script wrote them to models.txt: name → input height and width. */
  static final Map<String, Integer> SIZES = new LinkedHashMap<>();
  /** Their BatchNorm2d modules in PyTorch. */
  static final Map<String, Integer> NORMS = new LinkedHashMap<>();
  @TempDir static Path dir;

  /**
   * Where models.py is: system property convcut.peer, else environment CONVCUT_PEER, else the
   * repository's ../shared/peer, else /work/shared/peer (where the project's machines keep it).
   */
  static Path peerDir() {
    String given = System.getProperty("convcut.peer", System.getenv("CONVCUT_PEER"));
    if (given != null) {
      return Path.of(given).toAbsolutePath().normalize();
    }
    Path beside = Path.of("../../shared/peer").toAbsolutePath().normalize();
    return Files.isRegularFile(beside.resolve("models.py")) ? beside : Path.of("/work/shared/peer");
  }

  @BeforeAll
  static void export() throws Exception {
    Path script = Path.of("src/test/resources/fixtures/onnx/torchvision_onnx.py").toAbsolutePath();
    long t0 = System.nanoTime();
    PythonPeer.run(List.of("numpy", "torch", "torchvision"), List.of(script.toString(), dir.toString(), peerDir().toString()),
        dir.resolve("log"), 600);
    System.out.printf(Locale.ROOT, "torch.onnx.export of all models: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    for (String line : Files.readAllLines(dir.resolve("models.txt"))) {
      String[] f = line.split(" ");
      SIZES.put(f[0], Integer.parseInt(f[1]));
      NORMS.put(f[0], Integer.parseInt(f[2]));
    }
  }

  static float[] floats(Path file) throws Exception {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[b.remaining() / 4];
    b.asFloatBuffer().get(v);
    return v;
  }

  static Network imported(Path file) {
    return OnnxImport.network(OnnxImport.read(file, new OnnxImport.Options(null, null)), file, manager);
  }

  static long[] shape(String model) {
    int size = SIZES.get(model);
    return new long[] {2, 3, size, size};
  }

  static float[] logits(Network net, float[] x, long[] shape) {
    try (NDManager m = manager.newSubManager(); Network.Inference inf = net.inference()) {
      return inf.forward(m.create(x, new Shape(shape))).toFloatArray();
    }
  }

  static float[] ort(byte[] model, float[] x, long[] shape, String what) {
    try (OrtModel o = OrtModel.load(model, 2, what); OrtModel.Batch b = o.batch(x, shape)) {
      return o.run(b);
    }
  }

  /** Max |convcut − PyTorch| / max |PyTorch| on the script's batch of two images. */
  Network agrees(String name) throws Exception {
    Path file = dir.resolve(name + ".onnx");
    Network net = imported(file);
    String model = SIZES.containsKey(name) ? name : name.substring(0, name.lastIndexOf('.'));
    float[] expected = floats(dir.resolve(model + ".logits.f32"));
    float[] actual = logits(net, floats(dir.resolve(model + ".input.f32")), shape(model));
    double rel = OnnxImportTest.relative(expected, actual);
    System.out.printf(Locale.ROOT, "torch.onnx.export %-9s imported: max |d| / max |logit| %.2e (%d layers, %d stages)%n",
        name, rel, net.layerNames().size(), net.stages().size());
    assertThat(rel).isLessThanOrEqualTo(TOLERANCE);
    return net;
  }

  static Stream<Arguments> everyExport() {
    return SIZES.keySet().stream().flatMap(m -> Stream.of(Arguments.of(m, true), Arguments.of(m, false)));
  }

  /**
   * The checks on each file: convcut's logits against PyTorch's and ONNX Runtime's on the
   * file itself; import → export → import gives the same logits; Tucker-2 on 3×3 and SVD on 1×1
   * convolutions exports to a file ONNX Runtime runs with convcut's logits.
   */
  @ParameterizedTest(name = "{0}, BatchNorm folded: {1}")
  @MethodSource("everyExport")
  void importsAgreeWithPyTorchAndOnnxRuntimeRoundTripAndCompress(String model, boolean folded) throws Exception {
    Path file = dir.resolve(model + (folded ? "" : ".bn") + ".onnx");
    long[] shape = shape(model);
    float[] x = floats(dir.resolve(model + ".input.f32"));
    float[] torch = floats(dir.resolve(model + ".logits.f32"));
    try (Network net = imported(file)) {
      // Kept, every BatchNorm2d is a BatchNorm layer; folded, only those after no convolution (densenet's) remain.
      long norms = net.params().stream().filter(p -> p.role() == Param.Role.RUNNING_VAR).count();
      if (folded && NORMS.get(model) > 0) {
        assertThat(norms).as("BatchNorm layers of " + file.getFileName()).isLessThan(NORMS.get(model));
      } else {
        assertThat(norms).as("BatchNorm layers of " + file.getFileName()).isEqualTo((long) NORMS.get(model));
      }
      float[] ours = logits(net, x, shape);
      double vsTorch = OnnxImportTest.relative(torch, ours);
      double vsOrt = OnnxImportTest.relative(ort(Files.readAllBytes(file), x, shape, file.toString()), ours);
      float[] again;
      Path back = dir.resolve(model + (folded ? "" : ".bn") + ".convcut.onnx");
      Files.write(back, OnnxExport.model(net, false).toByteArray());
      try (Network twice = imported(back)) {
        assertThat(twice.layerNames()).isEqualTo(net.layerNames());
        assertThat(twice.stages()).hasSameSizeAs(net.stages());
        again = logits(twice, x, shape);
      }
      double roundTrip = OnnxImportTest.relative(ours, again);
      double compressed;
      String what = model + (folded ? " folded" : " BN kept") + " compressed";
      List<FactorizedLayer> layers = compressible(net);
      try (Network c = Compressor.apply(net, layers, manager)) {
        compressed = OnnxImportTest.relative(logits(c, x, shape), ort(OnnxExport.model(c, true).toByteArray(), x, shape, what));
      }
      System.out.printf(Locale.ROOT, "%-20s %-9s %3d layers %2d stages: vs PyTorch %.2e, vs ONNX Runtime %.2e, round trip %.2e,"
          + " %d layers factorized vs ONNX Runtime %.2e%n", model, folded ? "folded" : "BN kept", net.layerNames().size(),
          net.stages().size(), vsTorch, vsOrt, roundTrip, layers.size(), compressed);
      assertThat(vsTorch).isLessThanOrEqualTo(TOLERANCE);
      assertThat(vsOrt).isLessThanOrEqualTo(TOLERANCE);
      assertThat(roundTrip).isLessThanOrEqualTo(1e-6);
      assertThat(layers).isNotEmpty();
      assertThat(compressed).isLessThanOrEqualTo(TOLERANCE);
    }
  }

  /**
   * Up to two 3×3 convolutions in Tucker-2 and two 1×1 convolutions in SVD at half their ranks,
   * spread over the network (grouped convolutions are left out, as compress leaves them).
   */
  static List<FactorizedLayer> compressible(Network net) {
    List<DenseConv> convs = net.layerNames().stream().filter(n -> net.layer(n) instanceof Conv2d).map(n -> DenseConv.of(net, n))
        .filter(c -> c.spec().groups() == 1 && c.spec().inChannels() > 1 && c.spec().outChannels() > 1).toList();
    Factorizer f = Factorizer.standard();
    List<FactorizedLayer> out = new ArrayList<>();
    for (boolean pointwise : new boolean[] {false, true}) {
      List<DenseConv> kind = convs.stream().filter(c -> (c.spec().kernelH() * c.spec().kernelW() == 1) == pointwise).toList();
      for (DenseConv c : kind.isEmpty() ? List.<DenseConv>of() : List.of(kind.get(0), kind.get(kind.size() / 2)).stream().distinct().toList()) {
        int o = c.spec().outChannels();
        int i = c.spec().inChannels();
        int hw = c.spec().kernelH() * c.spec().kernelW();
        out.add(pointwise ? f.factorize(c, Method.svd(Cut.O_IHW), RankRequest.ranks(Math.max(1, Math.min(o, i) / 2)))
            : f.factorize(c, Method.TUCKER2, RankRequest.ranks(Math.max(1, Math.min(o, i * hw) / 2),
                Math.max(1, Math.min(i, o * hw) / 2))));
      }
    }
    return out;
  }

  /**
   * A training-mode export (BatchNormalization with training_mode=1) imports as BatchNorm layers
   * with their running statistics: evaluated, PyTorch's eval logits; run in training mode, the
   * batch statistics ONNX Runtime computes on the file itself.
   */
  @Test
  void aTrainingModeExportImportsItsBatchNormsAsTrainableLayers() throws Exception {
    try (Network net = agrees("resnet18.train")) {
      assertThat(net.param("layer1.0.bn1.running_mean").role()).isEqualTo(Param.Role.RUNNING_MEAN);
      assertThat(net.param("layer1.0.bn1.weight").role().trainable()).isTrue();
      assertThat(OnnxExportTest.disagreement("resnet18 training-mode export, re-exported", net, false, 2))
          .isLessThanOrEqualTo(TOLERANCE);
      long[] shape = shape("resnet18");
      float[] x = floats(dir.resolve("resnet18.input.f32"));
      float[] training;
      try (NDManager m = manager.newSubManager()) {
        training = net.forward(m.create(x, new Shape(shape)), true).toFloatArray();
      }
      Path file = dir.resolve("resnet18.train.onnx");
      double rel = OnnxImportTest.relative(ort(Files.readAllBytes(file), x, shape, file.toString()), training);
      System.out.printf(Locale.ROOT, "resnet18 training-mode export: convcut's training forward vs ONNX Runtime %.2e%n", rel);
      assertThat(rel).isLessThanOrEqualTo(TOLERANCE);
    }
  }

  @Test
  void theModelsOfSharedPeerAreAmongThem() {
    // The peer's definitions live outside the repository (../shared/peer); a clone without them
    // skips this one check rather than failing, and says so.
    Assumptions.assumeTrue(Files.isRegularFile(peerDir().resolve("models.py")),
        "no models.py in " + peerDir() + " (set CONVCUT_PEER): its models are not covered");
    assertThat(SIZES).containsKeys("peer.cnn4", "peer.resnet20", "peer.resnet50");
  }

  @Test
  void resnet18ExportedByPyTorchGivesItsLogitsUnderItsLayerNames() throws Exception {
    try (Network net = agrees("resnet18")) {
      assertThat(net.layerNames()).startsWith("conv1", "layer1.0.conv1", "layer1.0.conv2").contains("layer2.0.downsample.0")
          .endsWith("fc").hasSize(21);
      assertThat(net.stages().stream().map(s -> s.name()).toList()).startsWith("conv1", "layer1.0", "layer1.1", "layer2.0");
    }
  }

  @Test
  void vgg11bnExportedByPyTorchGivesItsLogitsUnderItsLayerNames() throws Exception {
    try (Network net = agrees("vgg11_bn")) {
      assertThat(net.layerNames()).startsWith("features.0", "features.4", "features.8").endsWith("classifier.0",
          "classifier.3", "classifier.6");
      assertThat(net.stages()).hasSize(11);
    }
  }

  @Test
  void mobilenetsWithClipHardSwishHardSigmoidAndSqueezeExciteGivePyTorchsLogits() throws Exception {
    try (Network v2 = agrees("mobilenet_v2")) {
      assertThat(v2.layerNames()).startsWith("features.0.0", "features.1.conv.0.0").endsWith("classifier.1");
    }
    try (Network v3 = agrees("mobilenet_v3_small")) {
      assertThat(v3.layerNames()).contains("features.1.block.1.fc1", "features.1.block.1.fc2");
      assertThat(OnnxExportTest.disagreement("mobilenet_v3_small imported, re-exported", v3, true, 2))
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }

  @Test
  void squeezenetDensenetAndEfficientnetGivePyTorchsLogits() throws Exception {
    agrees("squeezenet1_1").close();
    try (Network dense = agrees("densenet121")) {
      assertThat(dense.param("features.denseblock1.denselayer1.norm1.running_var")).isNotNull();
      assertThat(OnnxExportTest.disagreement("densenet121 imported, re-exported", dense, false, 2))
          .isLessThanOrEqualTo(TOLERANCE);
    }
    agrees("efficientnet_b0").close();
  }

  /**
   * torchvision's shufflenet_v2_x1_0 has stages_repeats [4, 8, 4]: 16 units, each ending in a
   * channel shuffle after which its output alone is live (inside a unit, the split-off half or
   * the unit's input stays live beside the branch). So the graph cuts into the stem (conv1,
   * maxpool), one stage per unit, conv5 with the pooling, and fc: 19 stages, named as PyTorch
   * names the units.
   */
  @Test
  void shufflenetIsCutIntoAStagePerUnit() throws Exception {
    List<String> units = new ArrayList<>();
    int[] repeats = {4, 8, 4};
    for (int s = 0; s < repeats.length; s++) {
      for (int u = 0; u < repeats[s]; u++) {
        units.add("stage" + (s + 2) + "." + u);
      }
    }
    try (Network net = imported(dir.resolve("shufflenet_v2_x1_0.bn.onnx"))) {
      List<String> names = net.stages().stream().map(s -> s.name()).toList();
      assertThat(names).hasSize(1 + units.size() + 2).startsWith("conv1").endsWith("conv5", "fc");
      // A stage is named after what its layers share: the whole unit where it has two branches (stride 2), else branch2.
      for (int k = 0; k < units.size(); k++) {
        assertThat(names.get(k + 1)).isIn(units.get(k), units.get(k) + ".branch2");
      }
    }
  }

  @Test
  void shufflenetsChannelShuffleAndSplitGivePyTorchsLogits() throws Exception {
    try (Network net = agrees("shufflenet_v2_x1_0")) {
      assertThat(net.layerNames()).startsWith("conv1.0", "stage2.0.branch1.0").contains("stage2.1.branch2.0").endsWith("fc");
      assertThat(net.spec().graph().nodes()).extracting(n -> n.op()).contains("transpose", "slice", "reducemean");
      assertThat(OnnxExportTest.disagreement("shufflenet_v2_x1_0 imported, re-exported", net, true, 2))
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }

  @Test
  void regnetsGroupedConvolutionsGivePyTorchsLogits() throws Exception {
    try (Network net = agrees("regnet_x_400mf")) {
      assertThat(net.layerNames()).contains("trunk_output.block1.block1-0.f.b.0").endsWith("fc");
      assertThat(net.spec().graph().nodes()).filteredOn(n -> n.op().equals("conv") && n.integer("groups") > 1).isNotEmpty();
    }
  }
}
