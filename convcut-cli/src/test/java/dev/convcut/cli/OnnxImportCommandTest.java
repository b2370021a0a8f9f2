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
