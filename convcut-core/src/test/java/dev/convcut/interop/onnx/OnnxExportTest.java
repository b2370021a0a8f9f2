package dev.convcut.interop.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl;
import dev.convcut.ConvcutException;
import dev.convcut.WithEngine;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.PythonPeer;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.model.Param;
import dev.convcut.model.Stem;
import dev.convcut.study.AppliedTruncation;
import dev.convcut.study.LayerKernels;
import dev.convcut.study.TruncationSpec;
import dev.convcut.tensor.Cut;
import dev.convcut.tensorize.Compressor;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.FactorizedLayer;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported models run in ONNX Runtime give convcut's logits: every zoo architecture the study
 * uses, truncated and factorized checkpoints, BatchNorm folded and not. The measured agreement is
 * printed (max |Δ| / max |logit|).
 */
class OnnxExportTest extends WithEngine {
  static final double TOLERANCE = 1e-4;
  static final ModelSpec CNN4 = new ModelSpec("cnn4", 3, 32, 10);
  static final ModelSpec RESNET20 = new ModelSpec("resnet20", 3, 32, 10);
  static final ModelSpec RESNET50 = new ModelSpec("resnet50", 3, 32, 10);
  static final ModelSpec RESNET18_IMAGENET = new ModelSpec("resnet18", 3, 32, 10, Stem.IMAGENET);

  /** A zoo network whose BatchNorms have non-trivial statistics, so folding them is tested. */
  static Network network(ModelSpec spec, long seed) {
    Network net = ModelZoo.build(spec, manager, seed);
    Random r = new Random(seed);
    for (Param p : net.params()) {
      int n = (int) p.array().size();
      switch (p.role()) {
        case NORM_WEIGHT -> p.array().set(uniform(r, n, 0.5, 1.0));
        case NORM_BIAS, RUNNING_MEAN -> p.array().set(uniform(r, n, -0.1, 0.1));
        case RUNNING_VAR -> p.array().set(uniform(r, n, 0.5, 1.5));
        default -> { }
      }
    }
    return net;
  }

  static float[] uniform(Random r, int n, double lo, double hi) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return v;
  }

  /**
   * Max |ONNX Runtime − convcut| over max |convcut| on a random batch of {@code batch}: convcut's
   * folded inference view against the folded export, its plain eval forward against the unfolded.
   */
  static double disagreement(String what, Network net, boolean fold, int batch) {
    ModelSpec s = net.spec();
    long[] shape = {batch, s.channels(), s.size(), s.size()};
    Random r = new Random(42);
    float[] x = new float[batch * s.channels() * s.size() * s.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    float[] expected;
    try (NDManager m = manager.newSubManager()) {
      NDArray in = m.create(x, new Shape(shape));
      if (fold) {
        try (Network.Inference inf = net.inference()) {
          expected = inf.forward(in).toFloatArray();
        }
      } else {
        expected = net.forward(in, false).toFloatArray();
      }
    }
    float[] actual;
    try (OrtModel ort = OrtModel.load(OnnxExport.model(net, fold).toByteArray(), 2, what);
        OrtModel.Batch b = ort.batch(x, shape)) {
      actual = ort.run(b);
    }
    assertThat(actual).hasSameSizeAs(expected);
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < expected.length; i++) {
      diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
      scale = Math.max(scale, Math.abs(expected[i]));
    }
    double rel = diff / scale;
    System.out.printf(Locale.ROOT, "ONNX Runtime vs convcut, %-34s %-8s batch %d: max |d| %.3e, max |logit| %.3e, ratio %.2e%n",
        what, fold ? "folded" : "no-fold", batch, diff, scale, rel);
    return rel;
  }

  static void agreesBothWays(String what, Network net) {
    assertThat(disagreement(what, net, true, 3)).isLessThanOrEqualTo(TOLERANCE);
    assertThat(disagreement(what, net, false, 2)).isLessThanOrEqualTo(TOLERANCE);
  }

  @Test
  void cnn4LogitsAgreeWithOnnxRuntime() {
    try (Network net = network(CNN4, 1)) {
      agreesBothWays("cnn4", net);
    }
  }

  @Test
  void resnet20LogitsAgreeWithOnnxRuntime() {
    try (Network net = network(RESNET20, 2)) {
      agreesBothWays("resnet20", net);
    }
  }

  @Test
  void resnet50LogitsAgreeWithOnnxRuntime() {
    try (Network net = network(RESNET50, 3)) {
      agreesBothWays("resnet50", net);
    }
  }

  @Test
  void imagenetStemWithPaddedMaxPoolAgreesWithOnnxRuntime() {
    try (Network net = network(RESNET18_IMAGENET, 4)) {
      agreesBothWays("resnet18 (imagenet stem)", net);
    }
  }

  @Test
  void truncatedCheckpointAgreesWithOnnxRuntime() {
    try (Network net = network(CNN4, 5)) {
      TruncationSpec.Plan plan = TruncationSpec.parse("features.0:o|ihw=keep0.5;features.2:o|ihw=keep0.25;features.6:oi|hw=rank5;features.8:ohw|i=keep0.25")
          .resolve(net.layerNames(), LayerKernels.kernels(net, net.layerNames()));
      AppliedTruncation.apply(net, plan, "src", "sha");
      agreesBothWays("cnn4 truncated", net);
    }
  }

  /** resnet20 with layers in every factorized form, ranks below full and channel counts libtorch pads. */
  static List<FactorizedLayer> factorized(Network net) {
    Factorizer f = Factorizer.standard();
    return List.of(
        f.factorize(DenseConv.of(net, "conv1"), Method.svd(Cut.O_IHW), RankRequest.ranks(10)),
        f.factorize(DenseConv.of(net, "layer1.0.conv1"), Method.svd(Cut.OH_IW), RankRequest.ranks(20)),
        f.factorize(DenseConv.of(net, "layer1.0.conv2"), Method.TUCKER2, RankRequest.ranks(12, 10)),
        f.factorize(DenseConv.of(net, "layer2.0.conv1"), Method.CP, RankRequest.ranks(20)),
        f.factorize(DenseConv.of(net, "layer2.0.downsample.0"), Method.svd(Cut.O_IHW), RankRequest.ranks(9)),
        f.factorize(DenseConv.of(net, "layer3.0.conv2"), Method.TT, RankRequest.ranks(24, 20, 40)),
        f.factorize(DenseConv.of(net, "layer3.1.conv1"), Method.svd(Cut.OW_IH), RankRequest.ranks(17)));
  }

  @Test
  void factorizedCheckpointAgreesWithOnnxRuntime() {
    try (Network dense = network(RESNET20, 6); Network c = Compressor.apply(dense, factorized(dense), manager)) {
      agreesBothWays("resnet20 svd/tucker2/cp/tt", c);
    }
  }

  @Test
  void factorizedCnn4WithBiasesAgreesWithOnnxRuntime() {
    try (Network dense = network(CNN4, 7)) {
      Factorizer f = Factorizer.standard();
      List<FactorizedLayer> layers = List.of(
          f.factorize(DenseConv.of(dense, "features.2"), Method.CP, RankRequest.ranks(12)),
          f.factorize(DenseConv.of(dense, "features.6"), Method.TUCKER2, RankRequest.ranks(20, 12)),
          f.factorize(DenseConv.of(dense, "features.8"), Method.TT, RankRequest.ranks(16, 12, 20)));
      try (Network c = Compressor.apply(dense, layers, manager)) {
        agreesBothWays("cnn4 cp/tucker2/tt", c);
      }
    }
  }

  @Test
  void eachFactorIsAPlainConvNodeInOrder() {
    try (Network dense = network(RESNET20, 8); Network c = Compressor.apply(dense, factorized(dense), manager)) {
      OnnxMl.GraphProto g = OnnxExport.model(c, true).getGraph();
      List<String> convs = g.getNodeList().stream().filter(n -> n.getOpType().equals("Conv")).map(OnnxMl.NodeProto::getName)
          .filter(n -> n.startsWith("layer3.0.conv2")).toList();
      assertThat(convs).containsExactly("layer3.0.conv2.factors.0", "layer3.0.conv2.factors.1", "layer3.0.conv2.factors.2",
          "layer3.0.conv2.factors.3");
      OnnxMl.NodeProto depthwise = g.getNodeList().stream().filter(n -> n.getName().equals("layer2.0.conv1.factors.1"))
          .findFirst().orElseThrow();
      assertThat(depthwise.getAttributeList()).anySatisfy(a -> {
        assertThat(a.getName()).isEqualTo("group");
        assertThat(a.getI()).isEqualTo(c.forms().get("layer2.0.conv1").factors().get(1).groups()).isGreaterThan(1);
      });
    }
  }

  @Test
  void unfoldedInitializersAreTheStateDictAndFoldingRemovesTheNormalization() {
    try (Network net = network(RESNET20, 9)) {
      OnnxMl.ModelProto unfolded = OnnxExport.model(net, false);
      Set<String> names = unfolded.getGraph().getInitializerList().stream().map(OnnxMl.TensorProto::getName)
          .collect(Collectors.toSet());
      assertThat(names).isEqualTo(net.params().stream().map(Param::name).collect(Collectors.toSet()));
      assertThat(ops(unfolded)).contains("BatchNormalization", "Conv", "Add", "Relu", "GlobalAveragePool", "Flatten", "Gemm");

      OnnxMl.ModelProto folded = OnnxExport.model(net, true);
      assertThat(ops(folded)).doesNotContain("BatchNormalization");
      assertThat(folded.getGraph().getInitializerList()).extracting(OnnxMl.TensorProto::getName)
          .contains("conv1.weight", "conv1.bias", "layer1.0.conv2.bias", "fc.weight")
          .noneMatch(n -> n.contains("bn") || n.contains("running"));
      assertThat(folded.getOpsetImport(0).getVersion()).isEqualTo(OnnxExport.OPSET);
      assertThat(folded.getIrVersion()).isEqualTo(OnnxExport.IR_VERSION);
    }
  }

  static Set<String> ops(OnnxMl.ModelProto m) {
    return m.getGraph().getNodeList().stream().map(OnnxMl.NodeProto::getOpType).collect(Collectors.toSet());
  }

  @Test
  void theBatchDimensionIsSymbolicSoOneFileRunsAnyBatch() {
    try (Network net = network(CNN4, 10)) {
      OnnxMl.GraphProto g = OnnxExport.model(net, true).getGraph();
      OnnxMl.TensorShapeProto in = g.getInput(0).getType().getTensorType().getShape();
      assertThat(g.getInput(0).getName()).isEqualTo("input");
      assertThat(in.getDim(0).getDimParam()).isEqualTo("N");
      assertThat(in.getDimList().subList(1, 4)).extracting(OnnxMl.TensorShapeProto.Dimension::getDimValue)
          .containsExactly(3L, 32L, 32L);
      assertThat(g.getOutput(0).getName()).isEqualTo("logits");
      assertThat(g.getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue()).isEqualTo(10L);
      assertThat(disagreement("cnn4", net, true, 1)).isLessThanOrEqualTo(TOLERANCE);
      assertThat(disagreement("cnn4", net, true, 5)).isLessThanOrEqualTo(TOLERANCE);
    }
  }

  static Checkpoint checkpoint(Path dir, Network net) {
    ModelSpec s = net.spec();
    Architecture a = Architecture.of(s, net.forms(), new Preprocessing(List.of(0.49, 0.48, 0.45), List.of(0.25, 0.24, 0.26)),
        "cifar10", null);
    return new Checkpoint(dir, a, net, null, Map.of());
  }

  @Test
  void writingRefusesAnExistingFileWithoutForceAndRecordsThePreprocessing(@TempDir Path tmp) throws Exception {
    try (Network net = network(CNN4, 11)) {
      Checkpoint ck = checkpoint(tmp.resolve("ck"), net);
      Path out = tmp.resolve("m.onnx");
      OnnxExport.write(ck, out, true, false);
      OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(out));
      Map<String, String> meta = m.getMetadataPropsList().stream()
          .collect(Collectors.toMap(OnnxMl.StringStringEntryProto::getKey, OnnxMl.StringStringEntryProto::getValue));
      assertThat(meta).containsEntry("convcut.mean", "0.49,0.48,0.45").containsEntry("convcut.model", "cnn4");
      assertThatThrownBy(() -> OnnxExport.write(ck, out, true, false)).isInstanceOf(ConvcutException.class)
          .hasMessageContaining("pass the force option to replace it");
      OnnxExport.write(ck, out, false, true);
      assertThat(ops(OnnxMl.ModelProto.parseFrom(Files.readAllBytes(out)))).contains("Conv");
      try (var files = Files.list(tmp)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.onnx");
      }
    }
  }

  @Test
  void exportedFilesPassTheOnnxChecker(@TempDir Path tmp) throws Exception {
    PythonPeer.require(List.of("onnx"));
    List<String> files = new ArrayList<>();
    try (Network r50 = network(RESNET50, 12); Network r20 = network(RESNET20, 13);
        Network c = Compressor.apply(r20, factorized(r20), manager)) {
      for (boolean fold : new boolean[] {true, false}) {
        for (Network net : List.of(r50, c)) {
          Path p = tmp.resolve(net.spec().model() + (net.forms().isEmpty() ? "" : "-factorized") + (fold ? "" : "-nofold") + ".onnx");
          Files.write(p, OnnxExport.model(net, fold).toByteArray());
          files.add(p.toString());
        }
      }
    }
    Path script = tmp.resolve("check.py");
    Files.writeString(script, String.join("\n",
        "import sys, onnx",
        "for path in sys.argv[1:]:",
        "    onnx.checker.check_model(onnx.load(path), full_check=True)",
        "    print('ok', path)", ""));
    List<String> args = new ArrayList<>(List.of(script.toString()));
    args.addAll(files);
    PythonPeer.run(List.of("onnx"), args, tmp.resolve("check.log"), 120);
    assertThat(Files.readString(tmp.resolve("check.log")).lines().filter(l -> l.startsWith("ok "))).hasSize(files.size());
  }
}
