package dev.convcut.interop;

import dev.convcut.WithEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.StateDict;
import dev.convcut.checkpoint.WeightFiles;
import dev.convcut.checkpoint.WeightFormat;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Stem;
import dev.convcut.model.Network;
import dev.convcut.model.Param;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weights and logits computed once by the PyTorch reference (make_fixtures.py beside the
 * fixtures) must come out of convcut the same: the import reproduces every array bit for bit,
 * the logits agree to float rounding, and export → import is the identity. The system property
 * {@code convcut.fixtures} points the test at another fixture folder (e.g. big ResNets made by
 * the script into /tmp).
 */
class TorchFixtureTest extends WithEngine {
  @TempDir Path tmp;


  static Path folder() throws URISyntaxException {
    String override = System.getProperty("convcut.fixtures");
    return override != null && !override.isBlank() ? Path.of(override)
        : Path.of(TorchFixtureTest.class.getResource("/fixtures/torch/fixtures.json").toURI()).getParent();
  }

  static Stream<JsonNode> fixtures() throws URISyntaxException {
    List<JsonNode> out = new ArrayList<>();
    Json.readFile(folder().resolve("fixtures.json"), JsonNode.class).forEach(out::add);
    return out.stream();
  }

  static ModelSpec spec(JsonNode f) {
    return new ModelSpec(f.get("model").asText(), f.get("channels").asInt(), f.get("size").asInt(),
        f.get("classes").asInt(), Stem.named(f.get("stem").asText()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void importedPytorchWeightsGiveThePytorchLogits(JsonNode f) throws Exception {
    Path dir = folder();
    try (NDManager scope = manager.newSubManager();
        Network net = WeightImport.load(spec(f), Map.of(), dir.resolve(f.get("weights").asText()), scope)) {
      Map<String, NDArray> io = WeightFiles.read(dir.resolve(f.get("io").asText()), scope);
      float[] expected = io.get("logits").toFloatArray();
      float[] got = net.forward(io.get("input"), false).toFloatArray();
      double scale = 0;
      double worst = 0;
      for (int i = 0; i < expected.length; i++) {
        scale = Math.max(scale, Math.abs(expected[i]));
        worst = Math.max(worst, Math.abs(expected[i] - got[i]));
      }
      assertThat(got).hasSameSizeAs(expected);
      assertThat(worst / scale).as("max |difference| / max |logit| for " + f.get("name").asText()).isLessThan(1e-4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void exportThenImportReproducesEveryArrayBitForBit(JsonNode f) throws Exception {
    Path source = folder().resolve(f.get("weights").asText());
    try (NDManager scope = manager.newSubManager();
        Network net = WeightImport.load(spec(f), Map.of(), source, scope)) {
      Map<String, NDArray> original = WeightFiles.read(source, scope);
      for (WeightFormat format : WeightFormat.values()) {
        Path out = tmp.resolve("w." + format.extension());
        WeightExport.export(new Checkpoint(tmp, null, net, null, Map.of()), format, out, true);
        try (Network back = WeightImport.load(spec(f), Map.of(), out, scope)) {
          for (Param p : back.params()) {
            float[] want = original.get(p.name()).toType(ai.djl.ndarray.types.DataType.FLOAT32, true).toFloatArray();
            // Arrays.equals on floats compares bit patterns (AssertJ's element diff is quadratic on millions).
            assertThat(java.util.Arrays.equals(p.array().toFloatArray(), want)).as(format + " " + p.name()).isTrue();
          }
        }
        Map<String, NDArray> written = WeightFiles.read(out, scope);
        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(StateDict.of(net).keySet());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void weightsForAnotherShapeListEveryMismatchInOneError(JsonNode f) throws Exception {
    ModelSpec s = spec(f);
    ModelSpec other = new ModelSpec(s.model(), s.channels() + 1, s.size(), s.classes() + 1, s.stem());
    Path source = folder().resolve(f.get("weights").asText());
    assertThatThrownBy(() -> WeightImport.load(other, Map.of(), source, manager))
        .hasMessageContaining("name or shape mismatches")
        .hasMessageContaining(s.model().equals("cnn4") ? "features.0.weight" : "conv1.weight")
        .hasMessageContaining(s.model().equals("cnn4") ? "classifier.4.bias" : "fc.bias");
  }
}
