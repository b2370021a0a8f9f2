package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
  @TempDir Path tmp;

  record WithPath(Path file) {}

  @Test
  void writesPathsAsPlainPathsAndReadsThemBack() throws Exception {
    String text = Json.write(new WithPath(Path.of("/data/cifar10/test_batch.bin")));
    assertThat(text).contains("\"file\" : \"/data/cifar10/test_batch.bin\"");
    assertThat(Json.mapper().readValue(text, WithPath.class).file()).isEqualTo(Path.of("/data/cifar10/test_batch.bin"));
  }

  record Inner(int rank, List<Double> mean) {}

  record Outer(String name, Map<String, Inner> layers) {
    Outer {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name is required");
      }
    }
  }

  @Test
  void aWrongValueIsNamedByItsFieldPathAndTheProblemInWords() throws Exception {
    Path f = Files.writeString(tmp.resolve("a.json"), "{\"name\": \"n\", \"layers\": {\"features.0\": {\"rank\": \"x\"}}}");
    assertThatThrownBy(() -> Json.readFile(f, Outer.class))
        .hasMessageStartingWith(f + ": not a valid Outer JSON file: field layers.features.0.rank: expected a whole number, got \"x\" (line 1");
  }

  @Test
  void aConstructorsRefusalIsGivenInItsOwnWordsNotJacksons() throws Exception {
    Path f = Files.writeString(tmp.resolve("a.json"), "{\"layers\": {}}");
    assertThatThrownBy(() -> Json.readFile(f, Outer.class)).hasMessageContaining("not a valid Outer JSON file: name is required")
        .hasMessageNotContaining("Cannot construct");
    Path g = Files.writeString(tmp.resolve("b.json"), "{\"name\": \"n\", \"layers\": {\"a\": {\"mean\": [1, \"y\"]}}}");
    assertThatThrownBy(() -> Json.readFile(g, Outer.class)).hasMessageContaining("field layers.a.mean[1]: expected a number, got \"y\"");
  }
}
