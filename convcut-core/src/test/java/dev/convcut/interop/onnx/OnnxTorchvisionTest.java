package dev.convcut.interop.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.WithEngine;
import dev.convcut.data.PythonPeer;
import dev.convcut.model.Network;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code torch.onnx.export} files (Debian's PyTorch 1.13, opset 17, BatchNorm folded by the
 * exporter, constant folding on) of torchvision's resnet18 and vgg11_bn with random weights
 * import with PyTorch's layer names and reproduce PyTorch's logits (shufflenet_v2_x1_0 and regnet_x_400mf too). Skipped without python3-torch
 * and python3-torchvision, failed under CI=true.
 */
class OnnxTorchvisionTest extends WithEngine {
  static final double TOLERANCE = 1e-4;
  @TempDir static Path dir;

  @BeforeAll
  static void export() throws Exception {
    Path script = Path.of("src/test/resources/fixtures/onnx/torchvision_onnx.py").toAbsolutePath();
    PythonPeer.run(List.of("numpy", "torch", "torchvision"), List.of(script.toString(), dir.toString()), dir.resolve("log"), 300);
  }

  static float[] floats(Path file) throws Exception {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[b.remaining() / 4];
    b.asFloatBuffer().get(v);
    return v;
  }

  /** Max |convcut − PyTorch| / max |PyTorch| on the script's batch of two 3×64×64 images. */
  Network agrees(String name) throws Exception {
    Path file = dir.resolve(name + ".onnx");
    Network net = OnnxImport.network(OnnxImport.read(file, new OnnxImport.Options(null, null)), file, manager);
    float[] x = floats(dir.resolve(name + ".input.f32"));
    float[] expected = floats(dir.resolve(name + ".logits.f32"));
    float[] actual;
    try (NDManager m = manager.newSubManager(); Network.Inference inf = net.inference()) {
      NDArray in = m.create(x, new Shape(2, 3, 64, 64));
      actual = inf.forward(in).toFloatArray();
    }
    double rel = OnnxImportTest.relative(expected, actual);
    System.out.printf(Locale.ROOT, "torch.onnx.export %-9s imported: max |d| / max |logit| %.2e (%d layers, %d stages)%n",
        name, rel, net.layerNames().size(), net.stages().size());
    assertThat(rel).isLessThanOrEqualTo(TOLERANCE);
    return net;
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
