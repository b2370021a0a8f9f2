package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.engine.Torch;
import dev.convcut.interop.onnx.OnnxExport;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** {@code convcut import --onnx}: the imported checkpoint works with the study's commands; bad files write nothing. */
class OnnxImportCommandTest {
  @TempDir static Path shared;
  static Path data;
  static Path original;
  static Path onnx;
  @TempDir Path tmp;

  /** A resnet20 for Fashion-MNIST as a checkpoint and as an ONNX file of the same weights. */
  @BeforeAll
  static void setUp() throws Exception {
    data = TinyStudy.dataset(shared.resolve("fm"), 64, 60);
    Torch.configure(2);
    original = shared.resolve("r20");
    onnx = shared.resolve("r20.onnx");
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(new ModelSpec("resnet20", 1, 28, 10), m, 5)) {
      Architecture arch = Architecture.of(net.spec(), Map.of(), new Preprocessing(List.of(0.286), List.of(0.353)),
          "fashion-mnist", TinyStudy.CLASSES);
      Checkpoints.save(original, false, net, arch, null, Map.of(), Provenance.start("test", List.of()), null);
      Files.write(onnx, OnnxExport.model(net, true).toByteArray());
    }
  }

  private static CliRun ok(String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    return r;
  }

  @Test
  void anImportedNetworkEvaluatesListsSweepsTruncatesAndExportsLikeTheOriginal() throws Exception {
    Path ck = tmp.resolve("ck");
    CliRun imp = ok("import", "--onnx", onnx.toString(), "--dataset", "fashion-mnist", "--data-dir", data.toString(),
        "--out", ck.toString());
    assertThat(imp.out()).contains("22 layers in 11 stages, 1x28x28 input, 10 classes");
    assertThat(Checkpoints.architecture(ck).model()).isEqualTo("onnx");
    assertThat(Files.readString(ck.resolve("architecture.json"))).contains("\"graph\" : {").contains("\"op\" : \"conv\"");
    assertThat(Files.readString(original.resolve("architecture.json"))).doesNotContain("graph");
    JsonNode mine = Json.mapper().readTree(ok("eval", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--json",
        "--threads", "2").out());
    JsonNode theirs = Json.mapper().readTree(ok("eval", "--checkpoint", original.toString(), "--data-dir", data.toString(),
        "--json", "--threads", "2").out());
    assertThat(mine.get("top1").asDouble()).isEqualTo(theirs.get("top1").asDouble());
    assertThat(mine.get("loss").asDouble()).isCloseTo(theirs.get("loss").asDouble(), org.assertj.core.data.Offset.offset(1e-5));
    assertThat(ok("layers", "--checkpoint", ck.toString()).out()).contains("onnx, input 1x28x28, 10 classes, 11 stages")
        .contains("layer2.0.downsample.0").contains("layer3.2.conv2")
        .contains("fc");
    ok("spectrum", "--checkpoint", ck.toString(), "--out", tmp.resolve("sp").toString());
    CliRun sweep = ok("sweep", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--out", tmp.resolve("sw").toString(),
        "--layers", "layer3.0.conv1", "--cuts", "o|ihw", "--levels", "keep0.5", "--eval-samples", "40");
    assertThat(sweep.out()).contains("Layer-wise sweep");
    Path t = tmp.resolve("t");
    ok("truncate", "--checkpoint", ck.toString(), "--spec", "layer3.0.conv1:o|ihw=keep0.5", "--out", t.toString());
    ok("eval", "--checkpoint", t.toString(), "--data-dir", data.toString(), "--threads", "2");
    Path back = tmp.resolve("back.onnx");
    ok("export", "--checkpoint", t.toString(), "--format", "onnx", "--out", back.toString());
    assertThat(OnnxMl.ModelProto.parseFrom(Files.readAllBytes(back)).getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals("Conv")).count()).isEqualTo(21);
  }

  @Test
  void anImportedNetworkRetrainsAndCompresses() throws Exception {
    Path ck = tmp.resolve("ck");
    ok("import", "--onnx", onnx.toString(), "--dataset", "fashion-mnist", "--data-dir", data.toString(), "--out", ck.toString());
    Path t = tmp.resolve("t");
    ok("truncate", "--checkpoint", ck.toString(), "--spec", "layer3.*:o|ihw=keep0.5", "--out", t.toString(), "--evaluate",
        "--data-dir", data.toString());
    ok("retrain", "--checkpoint", t.toString(), "--epochs", "1", "--out", tmp.resolve("r").toString(), "--data-dir",
        data.toString(), "--train-batch", "32");
    Path c = tmp.resolve("c");
    CliRun r = ok("compress", "--checkpoint", ck.toString(), "--out", c.toString(), "--data-dir", data.toString(), "--no-download",
        "--threads", "2", "--latency-batch", "4", "--latency-repeats", "2", "--latency-warmup", "0", "--no-progress",
        "--method", "tucker2", "--keep", "0.5", "--layers", "layer3.0.conv1", "--finetune-epochs", "0");
    assertThat(r.out()).contains("layer3.0.conv1").contains("tucker2");
    ok("eval", "--checkpoint", c.toString(), "--data-dir", data.toString(), "--threads", "2");
    ok("export", "--checkpoint", c.toString(), "--format", "onnx", "--out", tmp.resolve("c.onnx").toString());
  }

  /**
   * The ONNX file itself where a checkpoint is expected: imported in memory, with the dataset's
   * preprocessing; the commands give what they give on the original checkpoint, and a command
   * that must record the unknown preprocessing refuses and writes nothing.
   */
  @Test
  void anOnnxFileWorksDirectlyWhereACheckpointIsExpected() throws Exception {
    String f = onnx.toString();
    String dir = data.toString();
    JsonNode direct = Json.mapper().readTree(ok("eval", "--checkpoint", f, "--dataset", "fashion-mnist", "--data-dir", dir,
        "--json", "--threads", "2").out());
    JsonNode theirs = Json.mapper().readTree(ok("eval", "--checkpoint", original.toString(), "--data-dir", dir, "--json",
        "--threads", "2").out());
    assertThat(direct.get("top1").asDouble()).isEqualTo(theirs.get("top1").asDouble());
    assertThat(direct.get("loss").asDouble()).isCloseTo(theirs.get("loss").asDouble(), org.assertj.core.data.Offset.offset(1e-5));
    CliRun noData = CliRun.of("eval", "--checkpoint", f, "--data-dir", dir);
    assertThat(noData.code()).isEqualTo(2);
    assertThat(noData.err()).contains("--dataset NAME is required");

    assertThat(ok("layers", "--checkpoint", f).out()).contains("onnx, input 1x28x28, 10 classes, 11 stages").contains("layer3.2.conv2");
    ok("spectrum", "--checkpoint", f, "--out", tmp.resolve("sp").toString());
    assertThat(ok("sweep", "--checkpoint", f, "--dataset", "fashion-mnist", "--data-dir", dir, "--out", tmp.resolve("sw").toString(),
        "--layers", "layer3.0.conv1", "--cuts", "o|ihw", "--levels", "keep0.5", "--eval-samples", "40").out())
        .contains("Layer-wise sweep");

    Path unknown = tmp.resolve("t-unknown");
    CliRun refused = CliRun.of("truncate", "--checkpoint", f, "--spec", "layer3.0.conv1:o|ihw=keep0.5", "--out", unknown.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("preprocessing").contains("is unknown").contains("--dataset");
    assertThat(unknown).doesNotExist();
    Path t = tmp.resolve("t");
    ok("truncate", "--checkpoint", f, "--spec", "layer3.0.conv1:o|ihw=keep0.5", "--dataset", "fashion-mnist", "--data-dir", dir,
        "--evaluate", "--eval-samples", "40", "--out", t.toString());
    Architecture truncated = Checkpoints.architecture(t);
    assertThat(truncated.preprocessing().mean()).containsExactly(0.286);
    assertThat(truncated.dataset()).isEqualTo("fashion-mnist");
    ok("retrain", "--checkpoint", f, "--dataset", "fashion-mnist", "--baseline-top1", "0.1", "--epochs", "1", "--eval-samples",
        "40", "--train-batch", "32", "--data-dir", dir, "--out", tmp.resolve("r").toString());

    Path c = tmp.resolve("c");
    assertThat(ok("compress", "--checkpoint", f, "--dataset", "fashion-mnist", "--out", c.toString(), "--data-dir", dir,
        "--no-download", "--threads", "2", "--latency-batch", "4", "--latency-repeats", "2", "--latency-warmup", "0",
        "--no-progress", "--method", "tucker2", "--keep", "0.5", "--layers", "layer3.0.conv1", "--finetune-epochs", "0")
        .out()).contains("layer3.0.conv1");
    assertThat(ok("bench", "latency", "--dense", f, "--compressed", c.toString(), "--runtime", "onnxruntime", "--batch", "2",
        "--warmup", "0", "--repeats", "2", "--threads", "2").out()).contains("onnxruntime");

    // Exported by convcut, the file records its preprocessing and dataset: nothing more is needed.
    Path exported = tmp.resolve("exported.onnx");
    ok("export", "--checkpoint", f, "--format", "onnx", "--out", tmp.resolve("plain.onnx").toString());
    assertThat(OnnxMl.ModelProto.parseFrom(Files.readAllBytes(tmp.resolve("plain.onnx"))).getMetadataPropsList())
        .noneMatch(e -> e.getKey().equals("convcut.mean"));
    ok("export", "--checkpoint", original.toString(), "--format", "onnx", "--out", exported.toString());
    JsonNode viaExport = Json.mapper().readTree(ok("eval", "--checkpoint", exported.toString(), "--data-dir", dir, "--json",
        "--threads", "2").out());
    assertThat(viaExport.get("top1").asDouble()).isEqualTo(theirs.get("top1").asDouble());
    ok("truncate", "--checkpoint", exported.toString(), "--spec", "layer3.0.conv1:o|ihw=keep0.5", "--out", tmp.resolve("t2").toString());
    assertThat(Checkpoints.architecture(tmp.resolve("t2")).classNames()).isEqualTo(TinyStudy.CLASSES);
  }

  /**
   * A study whose configuration names the ONNX file (relative to the configuration's folder)
   * instead of a zoo model: no training, the imported network goes through every step.
   */
  @Test
  void aStudyConfigurationNamingAnOnnxFileRunsEndToEnd() throws Exception {
    Path config = shared.resolve("onnx-study.json");
    Files.writeString(config, """
        {"name": "onnx-tiny", "description": "the imported resnet20", "onnx": "r20.onnx", "dataset": "fashion-mnist",
         "evalSamples": 40, "seed": 5, "batchSize": 64,
         "sweep": {"layers": ["layer3.0.conv1", "fc"], "cuts": "o|ihw", "levels": "keep0.5,rank1"},
         "global": {"layers": ["layer3.*"], "cuts": "o|ihw", "levels": "keep0.5,rank1"},
         "retrain": {"epochs": 1, "batchSize": 32, "optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "weightDecay": 0.0,
                     "schedule": "constant", "labelSmoothing": 0.0, "augment": false, "trainImages": 0, "seed": 2},
         "projected": false, "tolerance": 0.5, "expectedMinutes": "under one"}
        """);
    Path out = tmp.resolve("study");
    CliRun r = ok("study", "--config", config.toString(), "--out", out.toString(), "--data-dir", data.toString(), "--cache",
        tmp.resolve("cache").toString());
    assertThat(r.out()).contains("Report: ");
    assertThat(Files.readString(out.resolve("model/run.json"))).contains("study import").contains(onnx.getFileName().toString());
    Architecture model = Checkpoints.architecture(out.resolve("model"));
    assertThat(model.model()).isEqualTo("onnx");
    assertThat(model.preprocessing().mean()).containsExactly(0.286);
    assertThat(out.resolve("sweep/sweep.csv")).exists();
    assertThat(out.resolve("global/global.csv")).exists();
    assertThat(out.resolve("report/index.html")).exists();
    assertThat(tmp.resolve("cache")).doesNotExist();

    Files.writeString(shared.resolve("bad-study.json"), Files.readString(config).replace("\"onnx\": \"r20.onnx\"",
        "\"onnx\": \"r20.onnx\", \"model\": \"cnn4\""));
    CliRun bad = CliRun.of("study", "--config", shared.resolve("bad-study.json").toString(), "--out", tmp.resolve("x").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("leave out model");
  }

  /** What {@link #eachBadFileIsRefusedWithExitOneNamingTheFileAndNothingIsWritten} breaks, and a phrase its error must hold. */
  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("unsupported", "2 operators are not supported (opset 17)"),
        Arguments.of("symbolic", "--input-shape C,H,W"),
        Arguments.of("external", "weights.bin, which is missing"),
        Arguments.of("truncated", "corrupt or truncated protobuf"),
        Arguments.of("inputs", "the graph has 2 inputs"),
        Arguments.of("outputs", "pick the logits with --output NAME"),
        Arguments.of("integer", "integer or quantized weights are not supported"),
        Arguments.of("quantized", "QuantizeLinear at node 'quantize'"),
        Arguments.of("opset", "opset 19 is outside the range convcut imports, 11-18"));
  }

  /** {@code onnx} broken as {@code how} says, each file generated here from the exported resnet20. */
  static byte[] broken(String how) throws Exception {
    byte[] bytes = Files.readAllBytes(onnx);
    OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(bytes);
    OnnxMl.GraphProto.Builder g = m.getGraph().toBuilder();
    OnnxMl.ValueInfoProto.Builder in = g.getInput(0).toBuilder();
    String firstConv = g.getNode(0).getName();
    switch (how) {
      case "unsupported" -> {
        g.setNode(1, g.getNode(1).toBuilder().setOpType("Softplus"));
        g.setNode(3, g.getNode(3).toBuilder().setOpType("Einsum"));
      }
      case "symbolic" -> {
        in.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(2).setDimParam("H");
        in.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(3).setDimParam("W");
        g.setInput(0, in);
      }
      case "external" -> g.setInitializer(0, g.getInitializer(0).toBuilder().clearRawData()
          .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
          .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("location").setValue("weights.bin")));
      case "truncated" -> {
        return java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3);
      }
      case "inputs" -> g.addInput(in.clone().setName("mask"));
      case "outputs" -> g.addOutput(g.getOutput(0).toBuilder().setName(g.getNode(0).getOutput(0)));
      case "integer" -> {
        OnnxMl.TensorProto w = g.getInitializer(0);
        long n = w.getDimsList().stream().reduce(1L, (a, b) -> a * b);
        g.setInitializer(0, w.toBuilder().clearRawData().clearFloatData().setDataType(3)
            .setRawData(com.google.protobuf.ByteString.copyFrom(new byte[(int) n])));
      }
      case "quantized" -> {
        // A QDQ-quantized input, as onnxruntime's quantization tools write: QuantizeLinear then DequantizeLinear.
        String x = g.getNode(0).getInput(0);
        g.addInitializer(OnnxMl.TensorProto.newBuilder().setName("scale").setDataType(1).addFloatData(0.05f));
        g.addInitializer(OnnxMl.TensorProto.newBuilder().setName("zero").setDataType(2)
            .setRawData(com.google.protobuf.ByteString.copyFrom(new byte[] {0})));
        g.setNode(0, g.getNode(0).toBuilder().setInput(0, "xdq"));
        g.addNode(0, OnnxMl.NodeProto.newBuilder().setOpType("DequantizeLinear").setName("dequantize").addInput("xq")
            .addInput("scale").addInput("zero").addOutput("xdq"));
        g.addNode(0, OnnxMl.NodeProto.newBuilder().setOpType("QuantizeLinear").setName("quantize").addInput(x).addInput("scale")
            .addInput("zero").addOutput("xq"));
      }
      case "opset" -> {
        return m.toBuilder().setOpsetImport(0, m.getOpsetImport(0).toBuilder().setVersion(19)).build().toByteArray();
      }
      default -> throw new IllegalArgumentException(how);
    }
    assertThat(firstConv).isNotEmpty();
    return m.toBuilder().setGraph(g).build().toByteArray();
  }

  /**
   * The bad files, each refused by {@code import} and where a checkpoint is expected with
   * exit status 1 and a message naming the file; nothing is written.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void eachBadFileIsRefusedWithExitOneNamingTheFileAndNothingIsWritten(String how, String phrase) throws Exception {
    Path bad = tmp.resolve(how + ".onnx");
    Files.write(bad, broken(how));
    Path ck = tmp.resolve("ck");
    CliRun r = CliRun.of("import", "--onnx", bad.toString(), "--dataset", "fashion-mnist", "--data-dir", data.toString(), "--out",
        ck.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains(bad.toString()).contains(phrase);
    assertThat(ck).doesNotExist();
    Path t = tmp.resolve("t");
    CliRun direct = CliRun.of("truncate", "--checkpoint", bad.toString(), "--dataset", "fashion-mnist", "--data-dir", data.toString(),
        "--spec", "layer3.0.conv1:o|ihw=keep0.5", "--out", t.toString());
    assertThat(direct.code()).as(direct.err()).isEqualTo(1);
    assertThat(direct.err()).contains(bad.toString()).contains(phrase);
    assertThat(t).doesNotExist();
    try (var files = Files.list(tmp)) {
      // (the output locks, .ck.lock and .t.lock, are empty files that the next run takes over)
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")))
          .containsExactly(bad.getFileName().toString());
    }
    if (how.equals("unsupported")) {
      assertThat(r.err()).contains("Softplus at node").contains("Einsum at node").contains("convcut imports: Add, AveragePool");
    }
    if (how.equals("integer") || how.equals("external")) {
      assertThat(r.err()).contains("node 'conv1'");
    }
  }

  /** A symbolic-size file imported for 1×28×36: listed, exported and timed at that size; a 28×28 dataset is refused by its shapes. */
  @Test
  void aNonSquareInputImportsListsExportsAndRefusesASquareDataset() throws Exception {
    Path any = tmp.resolve("any.onnx");
    Files.write(any, broken("symbolic"));
    Path ck = tmp.resolve("ck");
    assertThat(ok("import", "--onnx", any.toString(), "--input-shape", "1x28x36", "--mean", "0.286", "--std", "0.353", "--out",
        ck.toString()).out()).contains("1x28x36 input");
    assertThat(ok("layers", "--checkpoint", ck.toString()).out()).contains("input 1x28x36");
    Path back = tmp.resolve("back.onnx");
    ok("export", "--checkpoint", ck.toString(), "--format", "onnx", "--out", back.toString());
    OnnxMl.TensorShapeProto dims = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(back)).getGraph().getInput(0).getType()
        .getTensorType().getShape();
    assertThat(dims.getDim(2).getDimValue()).isEqualTo(28);
    assertThat(dims.getDim(3).getDimValue()).isEqualTo(36);
    assertThat(ok("bench", "latency", "--dense", ck.toString(), "--compressed", back.toString(), "--runtime", "both", "--batch", "2",
        "--warmup", "0", "--repeats", "2", "--threads", "2").out()).contains("onnxruntime");
    CliRun eval = CliRun.of("eval", "--checkpoint", ck.toString(), "--dataset", "fashion-mnist", "--data-dir", data.toString());
    assertThat(eval.code()).isNotZero();
    assertThat(eval.err()).contains("1x28x28").contains("1x28x36");
  }

  @Test
  void anUnsupportedOperatorWritesNothingAndExitsOne() throws Exception {
    OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(onnx));
    OnnxMl.GraphProto.Builder g = m.getGraph().toBuilder();
    g.setNode(1, g.getNode(1).toBuilder().setOpType("Softplus"));
    Path bad = tmp.resolve("bad.onnx");
    Files.write(bad, m.toBuilder().setGraph(g).build().toByteArray());
    CliRun r = CliRun.of("import", "--onnx", bad.toString(), "--out", tmp.resolve("ck").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(bad.toString()).contains("Softplus at node").contains("convcut imports:");
    assertThat(tmp.resolve("ck")).doesNotExist();
  }

  @Test
  void onnxWithModelOrArchitectureOptionsIsAUsageError() {
    CliRun r = CliRun.of("import", "--onnx", onnx.toString(), "--model", "cnn4", "--out", tmp.resolve("ck").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("leave out --model");
    assertThat(CliRun.of("import", "--onnx", onnx.toString(), "--size", "32", "--out", tmp.resolve("ck").toString()).code())
        .isEqualTo(2);
    assertThat(CliRun.of("import", "--out", tmp.resolve("ck").toString()).code()).isEqualTo(2);
  }
}
