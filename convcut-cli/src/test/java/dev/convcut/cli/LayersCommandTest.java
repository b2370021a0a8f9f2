package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.io.Json;
import org.junit.jupiter.api.Test;

class LayersCommandTest {
  @Test
  void listsEveryLayerOfAnArchitectureWithShapesAndTotals() {
    CliRun r = CliRun.of("layers", "--model", "resnet20", "--size", "32");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("resnet20, input 3x32x32, 10 classes").contains("layer3.1.conv2")
        .contains("64x64x3x3").contains("22 layers, 270,906 weights and biases, 40,813,184 multiply-adds");
  }

  @Test
  void jsonHasOneObjectPerLayerWithMacs() throws Exception {
    CliRun r = CliRun.of("layers", "--model", "cnn4", "--channels", "1", "--size", "28", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode layers = Json.mapper().readTree(r.out());
    assertThat(layers).hasSize(6);
    assertThat(layers.get(0).get("name").asText()).isEqualTo("features.0");
    assertThat(layers.get(0).get("macs").asLong()).isEqualTo(28L * 28 * 32 * 9);
    assertThat(layers.get(4).get("weightShape").toString()).isEqualTo("[512,3136]");
  }

  @Test
  void anUnknownModelIsAUsageError() {
    CliRun r = CliRun.of("layers", "--model", "vgg16");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown model 'vgg16'").contains("resnet50");
  }

  @Test
  void aMissingCheckpointIsAFailureNamingIt() {
    CliRun r = CliRun.of("layers", "--checkpoint", "/nonexistent/ck");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("/nonexistent/ck");
  }
}
