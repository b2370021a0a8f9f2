package dev.convcut.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Asserts that two automatic compress runs chose and wrote the same: measurements, selection, weights, accuracies. */
final class SameCompression {
  private SameCompression() {}

  static void assertSame(Path actual, Path expected) throws IOException {
    assertThat(Files.readAllLines(actual.resolve("sensitivity.csv"))).as("every candidate measured, with its delta_top1")
        .isEqualTo(Files.readAllLines(expected.resolve("sensitivity.csv")));
    assertThat(Files.readAllBytes(actual.resolve("weights.safetensors"))).as("the compressed weights, byte for byte")
        .isEqualTo(Files.readAllBytes(expected.resolve("weights.safetensors")));
    assertThat(Files.readString(actual.resolve("architecture.json"))).isEqualTo(Files.readString(expected.resolve("architecture.json")));
    JsonNode a = Json.readFile(actual.resolve("compress.json"), JsonNode.class);
    JsonNode e = Json.readFile(expected.resolve("compress.json"), JsonNode.class);
    for (String field : new String[] {"selection", "accuracy", "totals"}) {
      assertThat(a.path(field)).as(field).isEqualTo(e.path(field));
    }
    assertThat(a.path("layers")).hasSameSizeAs(e.path("layers"));
    for (int i = 0; i < e.path("layers").size(); i++) {
      for (String field : new String[] {"layer", "method", "ranks", "normLoss", "relError", "params", "macs", "sensitivity"}) {
        assertThat(a.path("layers").get(i).path(field)).as("layer row " + i + " " + field).isEqualTo(e.path("layers").get(i).path(field));
      }
    }
  }
}
