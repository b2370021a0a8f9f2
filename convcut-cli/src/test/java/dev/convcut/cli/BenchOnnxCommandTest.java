package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.engine.Torch;
import dev.convcut.interop.onnx.OnnxExport;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOnnxCommandTest {
  @TempDir static Path tmp;
  static Path onnx;

  /** resnet20 on 1×28×28: 3×3 convolutions (Tucker-2) and 1×1 shortcuts (SVD), written as ONNX. */
  @BeforeAll
  static void onnxFile() throws Exception {
    Torch.configure(2);
    onnx = tmp.resolve("r20.onnx");
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(new ModelSpec("resnet20", 1, 28, 10), m, 3);
        OutputStream out = Files.newOutputStream(onnx)) {
      OnnxExport.model(net, true).writeTo(out);
    }
  }

  @Test
  void importsFactorizesExportsAndTimesBothFilesInBothRuntimes() throws Exception {
    Path files = tmp.resolve("files");
    CliRun r = CliRun.of("bench", "onnx", "--onnx", onnx.toString(), "--keep", "0.25", "--batches", "1,2", "--warmup", "0",
        "--repeats", "1", "--threads", "2", "--layer-times", "--keep-files", files.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out()).get("result");
    assertThat(j.at("/imported/seconds").asDouble()).isPositive();
    assertThat(j.at("/imported/bytes").asLong()).isEqualTo(Files.size(onnx));
    assertThat(j.at("/imported/convLayers").asInt()).isGreaterThan(19);
    // Every 3×3 convolution but the one-channel stem, and every 1×1 shortcut.
    assertThat(j.get("factorized").asInt()).isEqualTo(j.at("/imported/convLayers").asInt() - 1);
    assertThat(j.get("convParams").asLong()).isLessThan(j.get("convParamsDense").asLong() / 2);
    assertThat(j.get("timings")).hasSize(2);
    assertThat(j.at("/timings/1/batch").asInt()).isEqualTo(2);
    assertThat(j.at("/timings/1/onnxruntime/denseMs").asDouble()).isPositive();
    assertThat(j.at("/timings/1/libtorch/factorizedMs").asDouble()).isPositive();
    assertThat(j.get("layers")).hasSize(j.get("factorized").asInt());
    assertThat(j.at("/layers/0/method").asText()).isEqualTo("tucker2");
    assertThat(files.resolve("dense.onnx")).exists();
    assertThat(Files.size(files.resolve("compressed.onnx"))).isLessThan(Files.size(files.resolve("dense.onnx")));
  }

  @Test
  void importOnlyMeasuresTheImportAndStops() {
    CliRun r = CliRun.of("bench", "onnx", "--onnx", onnx.toString(), "--import-only", "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("import " + onnx).contains("resident memory").contains("Java heap allocated")
        .doesNotContain("compressed:");
  }

  @Test
  void badSettingsAreUsageErrors() {
    assertThat(CliRun.of("bench", "onnx", "--onnx", onnx.toString(), "--keep", "1.5").err()).contains("--keep must be in (0, 1]");
    CliRun b = CliRun.of("bench", "onnx", "--onnx", onnx.toString(), "--batches", "0");
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains("--batches needs positive batch sizes");
    CliRun missing = CliRun.of("bench", "onnx", "--onnx", tmp.resolve("none.onnx").toString(), "--import-only");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("none.onnx");
  }
}
