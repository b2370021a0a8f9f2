package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.DataFixtures;
import dev.convcut.engine.Torch;
import dev.convcut.interop.onnx.OrtModel;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressCommandTest {
  @TempDir static Path tmp;
  static Path data;
  static Path dense;

  @BeforeAll
  static void denseCheckpoint() {
    Torch.configure(2);
    data = DataFixtures.idxFolder(tmp.resolve("fmnist"), 48, 32, true);
    dense = tmp.resolve("dense");
    ModelSpec spec = new ModelSpec("cnn4", 1, 28, 10);
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(spec, m, 5)) {
      Checkpoints.save(dense, false, net, Architecture.of(spec, Map.of(), new Preprocessing(List.of(0.3), List.of(0.35)),
          "fashion-mnist", List.of()), null, Map.of(), Provenance.start("test", List.of()), null);
    }
  }

  static CliRun compress(String out, String... args) {
    List<String> all = new ArrayList<>(List.of("compress", "--checkpoint", dense.toString(), "--out", tmp.resolve(out).toString(),
        "--data-dir", data.toString(), "--no-download", "--threads", "2", "--latency-batch", "4", "--latency-repeats", "2",
        "--latency-warmup", "0", "--no-progress"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(new String[0]));
  }

  @Test
  void manualModeWritesASmallerFineTunedCheckpointThatExportAccepts() throws Exception {
    CliRun r = compress("tucker", "--method", "tucker2", "--keep", "0.5", "--layers", "features.?",
        "--finetune-epochs", "1", "--batch", "16");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("features.6").contains("tucker2").contains("convolution parameters")
        .contains("libtorch:    CPU latency, batch 4, 2 threads").contains("epoch 1")
        .contains("onnxruntime: CPU latency, batch 4, 2 threads, median of 2: dense ").contains("ONNX Runtime 1.");
    // No instruction-set cap (the tests run libtorch's default kernels), so no note about one.
    assertThat(r.err()).doesNotContain("kernels capped at");
    Path out = tmp.resolve("tucker");
    for (String f : List.of("compress.json", "compress.csv", "metrics.csv", "run.json", "weights.safetensors")) {
      assertThat(out.resolve(f)).exists();
    }
    JsonNode report = Json.mapper().readTree(out.resolve("compress.json").toFile());
    assertThat(report.at("/totals/convParams").asLong()).isLessThan(report.at("/totals/convParamsDense").asLong());
    assertThat(report.at("/accuracy/perEpoch")).hasSize(1);
    assertThat(report.at("/speed/runtime").asText()).isEqualTo("libtorch");
    assertThat(report.at("/onnxruntime/runtime").asText()).isEqualTo("onnxruntime");
    assertThat(report.at("/onnxruntime/batch").asInt()).isEqualTo(4);
    assertThat(report.at("/onnxruntime/threads").asInt()).isEqualTo(report.at("/speed/threads").asInt());
    assertThat(report.at("/onnxruntime/denseMs").asDouble()).isPositive();
    assertThat(report.at("/onnxruntime/compressedMs").asDouble()).isPositive();
    assertThat(Files.readString(out.resolve("compress.csv"))).startsWith("layer,shape,method,ranks,norm_loss")
        .contains("features.0,32x1x3x3,tucker2,\"5,1\",");
    try (NDManager m = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(out, m)) {
      assertThat(ck.network().forms()).containsOnlyKeys("features.0", "features.2", "features.6", "features.8");
      assertThat(ck.architecture().layers().get("features.6").factors()).hasSize(3);
    }
    CliRun exp = CliRun.of("export", "--checkpoint", out.toString(), "--out", tmp.resolve("tucker.npz").toString());
    assertThat(exp.code()).as(exp.err()).isZero();
    assertThat(exp.out()).contains("cnn4");
  }

  @Test
  void benchLatencyTimesTheDenseAndTheCompressedCheckpointSideBySide() {
    CliRun made = compress("forlatency", "--method", "svd:ohw|i", "--keep", "0.5", "--layers", "features.6,features.8");
    assertThat(made.code()).as(made.err()).isZero();
    CliRun r = CliRun.of("bench", "latency", "--dense", dense.toString(), "--compressed", tmp.resolve("forlatency").toString(),
        "--batch", "2", "--warmup", "0", "--repeats", "1", "--threads", "2", "--layers");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("CPU latency, batch 2, 2 threads, median of 1: dense ").contains("kernels ")
        .contains("features.6").contains("features.8").doesNotContain("features.2 ");
    CliRun json = CliRun.of("bench", "latency", "--dense", dense.toString(), "--compressed", tmp.resolve("forlatency").toString(),
        "--batch", "2", "--warmup", "0", "--repeats", "1", "--json");
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"speedup\"").contains("MALLOC_ARENA_MAX");
  }

  @Test
  void aCompressedCheckpointExportsAsOnnxThatOnnxRuntimeRunsToTheSameLogits() throws Exception {
    CliRun made = compress("foronnx", "--method", "tucker2", "--keep", "0.5", "--layers", "features.6,features.8",
        "--finetune-epochs", "0");
    assertThat(made.code()).as(made.err()).isZero();
    Path ck = tmp.resolve("foronnx");
    Path file = tmp.resolve("foronnx.onnx");
    CliRun exp = CliRun.of("export", "--checkpoint", ck.toString(), "--out", file.toString());
    assertThat(exp.code()).as(exp.err()).isZero();
    assertThat(exp.out()).contains("(onnx, opset 17, ").contains("BatchNorm folded, cnn4)");
    CliRun again = CliRun.of("export", "--checkpoint", ck.toString(), "--format", "onnx", "--out", file.toString(), "--no-fold");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("already exists").contains("--force");
    assertThat(CliRun.of("export", "--checkpoint", ck.toString(), "--format", "onnx", "--out", file.toString(), "--no-fold",
        "--force").code()).isZero();
    CliRun badFold = CliRun.of("export", "--checkpoint", ck.toString(), "--out", tmp.resolve("w.npz").toString(), "--no-fold");
    assertThat(badFold.code()).isEqualTo(2);
    assertThat(badFold.err()).contains("--no-fold applies to --format onnx only");

    float[] x = new float[2 * 28 * 28];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(i);
    }
    float[] expected;
    try (NDManager m = NDManager.newBaseManager(); Checkpoint c = Checkpoints.load(ck, m);
        Network.Inference inf = c.network().inference()) {
      expected = inf.forward(m.create(x, new ai.djl.ndarray.types.Shape(2, 1, 28, 28))).toFloatArray();
    }
    try (OrtModel ort = OrtModel.load(Files.readAllBytes(file), 2, file.toString());
        OrtModel.Batch b = ort.batch(x, new long[] {2, 1, 28, 28})) {
      float[] actual = ort.run(b);
      double scale = 0;
      for (float v : expected) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < expected.length; i++) {
        assertThat((double) Math.abs(actual[i] - expected[i])).as("logit " + i).isLessThanOrEqualTo(1e-4 * scale);
      }
    }
  }

  @Test
  void benchLatencyTimesBothRuntimesSideBySide() {
    CliRun made = compress("forortlatency", "--method", "svd:o|ihw", "--keep", "0.5", "--layers", "features.8",
        "--finetune-epochs", "0");
    assertThat(made.code()).as(made.err()).isZero();
    String c = tmp.resolve("forortlatency").toString();
    CliRun r = CliRun.of("bench", "latency", "--dense", dense.toString(), "--compressed", c, "--batch", "2", "--warmup", "0",
        "--repeats", "1", "--threads", "2", "--runtime", "both");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("libtorch:    CPU latency, batch 2, 2 threads, median of 1: dense ")
        .contains("onnxruntime: CPU latency, batch 2, 2 threads, median of 1: dense ").contains("ONNX Runtime 1.");
    CliRun json = CliRun.of("bench", "latency", "--dense", dense.toString(), "--compressed", c, "--batch", "2", "--warmup", "0",
        "--repeats", "1", "--runtime", "onnxruntime", "--json");
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"onnxruntime\"").contains("\"denseMs\"").doesNotContain("\"speed\"");
    CliRun layers = CliRun.of("bench", "latency", "--dense", dense.toString(), "--compressed", c, "--runtime", "onnxruntime",
        "--layers");
    assertThat(layers.code()).isEqualTo(2);
    assertThat(layers.err()).contains("--layers");
    CliRun bad = CliRun.of("bench", "latency", "--dense", dense.toString(), "--compressed", c, "--runtime", "tvm");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("libtorch, onnxruntime or both");
  }

  @Test
  void benchLatencyRefusesTwoDifferentArchitecturesAndBadSettings() {
    Path other = tmp.resolve("other-arch");
    ModelSpec spec = new ModelSpec("cnn4", 3, 32, 10);
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(spec, m, 5)) {
      Checkpoints.save(other, false, net, Architecture.of(spec, Map.of(), new Preprocessing(List.of(0.3, 0.3, 0.3),
          List.of(0.35, 0.35, 0.35)), "cifar10", List.of()), null, Map.of(), Provenance.start("test", List.of()), null);
    }
    CliRun r = CliRun.of("bench", "latency", "--dense", dense.toString(), "--compressed", other.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cnn4 on 1x28x28 with 10 classes").contains("cnn4 on 3x32x32 with 10 classes");
    CliRun bad = CliRun.of("bench", "latency", "--dense", dense.toString(), "--compressed", dense.toString(), "--repeats", "0");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--repeats").contains("repeats >= 1");
  }

  @Test
  void aPlanFromAnEarlierRunIsAppliedAgainExactly() throws Exception {
    CliRun first = compress("plan-source", "--method", "tucker2", "--rank", "3,2", "--layers", "features.6,features.8");
    assertThat(first.code()).as(first.err()).isZero();
    CliRun again = compress("plan-again", "--plan", tmp.resolve("plan-source").toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("tucker2");
    try (NDManager m = NDManager.newBaseManager(); Checkpoint a = Checkpoints.load(tmp.resolve("plan-source"), m);
        Checkpoint b = Checkpoints.load(tmp.resolve("plan-again"), m)) {
      assertThat(b.network().forms()).containsOnlyKeys("features.6", "features.8").isEqualTo(a.network().forms());
      assertThat(b.network().param("features.8.factors.1.weight").array().toFloatArray())
          .containsExactly(a.network().param("features.8.factors.1.weight").array().toFloatArray());
    }
    assertThat(Files.readString(tmp.resolve("plan-again").resolve("run.json"))).contains("compress.json");
  }

  @Test
  void aPlanThatDoesNotFitIsRefusedNamingTheFileAndTheLayer() throws Exception {
    Path missingLayer = tmp.resolve("plan-missing.json");
    Files.writeString(missingLayer, "{\"layers\": [{\"layer\": \"features.9\", \"method\": \"tucker2\", \"ranks\": \"2,2\"}]}");
    CliRun r = compress("plan-bad1", "--plan", missingLayer.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(missingLayer.toString()).contains("features.9").contains("features.6");
    assertThat(tmp.resolve("plan-bad1")).doesNotExist();
    Path badMethod = tmp.resolve("plan-method.json");
    Files.writeString(badMethod, "{\"layers\": [{\"layer\": \"features.6\", \"method\": \"tucker3\", \"ranks\": \"2\"}]}");
    CliRun m = compress("plan-bad2", "--plan", badMethod.toString());
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err()).contains("features.6").contains("tucker3");
    Path badRanks = tmp.resolve("plan-ranks.json");
    Files.writeString(badRanks, "{\"layers\": [{\"layer\": \"features.6\", \"method\": \"tucker2\", \"ranks\": \"2,2,2\"}]}");
    CliRun k = compress("plan-bad3", "--plan", badRanks.toString());
    assertThat(k.code()).isEqualTo(2);
    assertThat(k.err()).contains("features.6").contains("2,2,2");
    CliRun mixed = compress("plan-bad4", "--plan", badRanks.toString(), "--target-params", "0.5");
    assertThat(mixed.code()).isEqualTo(2);
    assertThat(mixed.err()).contains("--plan brings its own");
    CliRun none = compress("plan-bad5", "--plan", tmp.resolve("no-such-run").toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no-such-run");
  }

  @Test
  void aRankAboveTheLayersLimitIsRefusedBeforeAnythingIsWritten() {
    CliRun r = compress("bad", "--method", "svd:o/ihw", "--rank", "33", "--layers", "features.2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("rank 33 for layer features.2 (svd:o|ihw) is above what the layer can hold")
        .contains("full rank 32").contains("--rank 1..32");
    assertThat(tmp.resolve("bad")).doesNotExist();
  }

  @Test
  void unknownLayersMethodsAndMixedModesAreUsageErrors() {
    assertThat(compress("x", "--method", "cp", "--rank", "4", "--layers", "layer1.*").err())
        .contains("matches no layer of cnn4").contains("features.0, features.2, features.6, features.8");
    assertThat(compress("x", "--method", "cp", "--rank", "4", "--layers", "classifier.1").err()).contains("only linear layers");
    assertThat(compress("x", "--method", "svd", "--rank", "4").err()).contains("needs a cut");
    CliRun mixed = compress("x", "--method", "cp", "--rank", "4", "--target-params", "0.5");
    assertThat(mixed.code()).isEqualTo(2);
    assertThat(mixed.err()).contains("automatic mode chooses methods and ranks itself");
    assertThat(compress("x", "--method", "cp").err()).contains("exactly one of --rank, --keep, --loss, --tol");
    CliRun distill = compress("x", "--method", "cp", "--rank", "4", "--finetune-epochs", "1", "--distill", "1.5");
    assertThat(distill.code()).isEqualTo(2);
    assertThat(distill.err()).contains("--distill must be between 0 and 1").contains("1.5");
    assertThat(compress("x", "--method", "cp", "--rank", "4", "--distill-temperature", "0").err())
        .contains("--distill-temperature must be a positive number");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void automaticModeMeetsTheParameterTargetAndRecordsTheSensitivities() throws Exception {
    // --min-speedup 0: which candidates run faster than dense depends on the machine
    CliRun r = compress("auto", "--target-params", "0.5", "--methods", "tucker2,svd:o/ihw,svd:oh/iw", "--keeps", "0.1,0.3",
        "--select-images", "16", "--select-split", "test", "--min-speedup", "0");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = Json.mapper().readTree(tmp.resolve("auto/compress.json").toFile());
    assertThat(report.at("/totals/convParams").asDouble() / report.at("/totals/convParamsDense").asDouble()).isLessThanOrEqualTo(0.5);
    assertThat(r.out()).contains("selection (target 0.5 of the parameters)");
    String sensitivity = Files.readString(tmp.resolve("auto/sensitivity.csv"));
    assertThat(sensitivity).startsWith("layer,method,ranks,params,macs,norm_loss,delta_top1,layer_speedup,chosen")
        .contains(",,true");
  }

  @Test
  void automaticModeTimesItsSpeedGateInTheRuntimeNamed() throws Exception {
    // A gate of 0.01x admits every candidate; what matters is that each was timed, in ONNX Runtime.
    CliRun r = compress("auto-ort", "--target-params", "0.5", "--methods", "tucker2,svd:o/ihw", "--keeps", "0.3",
        "--select-images", "16", "--select-split", "test", "--min-speedup", "0.01", "--runtime", "onnxruntime");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("speed gate 0.01x, layers timed in onnxruntime");
    String[] rows = Files.readString(tmp.resolve("auto-ort/sensitivity.csv")).split("\n");
    assertThat(rows).hasSizeGreaterThan(1);
    for (int i = 1; i < rows.length; i++) {
      String speedup = rows[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[7];
      assertThat(Double.parseDouble(speedup)).as(rows[i]).isPositive();
    }
    JsonNode run = Json.mapper().readTree(tmp.resolve("auto-ort/run.json").toFile());
    assertThat(run.toString()).contains("\"speedRuntime\":\"onnxruntime\"");
  }

  @Test
  void sparkIsRefusedInManualModeAndWithoutTheSparkModule() {
    CliRun manual = compress("x", "--method", "tucker2", "--keep", "0.5", "--spark", "local[2]");
    assertThat(manual.code()).isEqualTo(2);
    assertThat(manual.err()).contains("manual mode (--method) measures no candidates").contains("drop --spark");
    CliRun missing = compress("x", "--target-params", "0.5", "--spark", "local[2]");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--spark needs the optional convcut-spark module");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void theSpeedGatesRuntimeIsRefusedWhereNothingIsTimedOrUnknown() {
    CliRun manual = compress("x", "--method", "cp", "--rank", "4", "--runtime", "onnxruntime");
    assertThat(manual.code()).isEqualTo(2);
    assertThat(manual.err()).contains("--runtime picks where automatic mode's --min-speedup times the layers");
    CliRun off = compress("x", "--target-params", "0.5", "--min-speedup", "0", "--runtime", "onnxruntime");
    assertThat(off.code()).isEqualTo(2);
    assertThat(off.err()).contains("with --min-speedup 0 nothing is timed");
    CliRun unknown = compress("x", "--target-params", "0.5", "--runtime", "tensorrt");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown runtime 'tensorrt'; known: libtorch, onnxruntime");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void anUnreachableTargetIsRefusedWithTheClosestFigure() {
    CliRun r = compress("never", "--target-params", "0.01", "--methods", "svd:o/ihw", "--keeps", "0.5", "--select-images", "8",
        "--select-split", "test", "--min-speedup", "0");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach 0.0100 of the convolution parameters").contains("choose a target of at least");
    assertThat(tmp.resolve("never")).doesNotExist();
  }

  @Test
  void theDeviceIsChosenAsEverywhereAndAnUnknownOneIsAUsageError() {
    CliRun cpu = compress("on-cpu", "--method", "svd:o/ihw", "--rank", "2", "--layers", "features.8", "--device", "cpu");
    assertThat(cpu.code()).as(cpu.err()).isZero();
    assertThat(tmp.resolve("on-cpu/compress.json")).exists();
    CliRun unknown = compress("on-tpu", "--method", "svd:o/ihw", "--rank", "2", "--device", "tpu");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--device must be cpu, gpu or auto, got 'tpu'");
    assertThat(tmp.resolve("on-tpu")).doesNotExist();
  }
}
