package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.data.DataFixtures;
import dev.convcut.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataBenchCommandTest {
  @TempDir Path root;

  @Test
  void reportsLoadTimesPerRepetitionAndAssemblyRatesWithAndWithoutAugmentation() {
    Path dir = DataFixtures.folder(root.resolve("c10"), DataFixtures.cifar10Members(20));
    MainTest.Result r = MainTest.run("data", "bench", "--dataset", "cifar10", "--data-dir", dir.toString(), "--repeat", "2",
        "--batch", "8", "--batches", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("load train +100 images  best \\d+\\.\\d{3} s  \\(all: \\d+\\.\\d{3} \\d+\\.\\d{3}\\)")
        .containsPattern("load test +20 images")
        .containsPattern("batch assembly \\(8 images, augmentation crop\\(pad=4\\)\\+flip\\): \\d+\\.\\d{3} us/image")
        .containsPattern("batch assembly \\(8 images, augmentation none\\): \\d+\\.\\d{3} us/image");
  }

  @Test
  void jsonHasEveryTiming() throws Exception {
    Path dir = DataFixtures.idxFolder(root.resolve("fm"), 40, 10, true);
    MainTest.Result r = MainTest.run("data", "bench", "--dataset", "fashion-mnist", "--data-dir", dir.toString(), "--repeat", "3",
        "--batch", "16", "--batches", "2", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.at("/loadSeconds/0/seconds")).hasSize(3);
    assertThat(json.at("/loadSeconds/1/images").asInt()).isEqualTo(10);
    assertThat(json.at("/augmentation").asText()).isEqualTo("none");
    assertThat(json.at("/plainMicrosPerImage").asDouble()).isPositive();
  }

  @Test
  void nonPositiveCountsAreUsageErrors() {
    Path dir = DataFixtures.idxFolder(root.resolve("fm"), 4, 4, false);
    MainTest.Result r = MainTest.run("data", "bench", "--dataset", "mnist", "--data-dir", dir.toString(), "--batch", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("repetitions, batch size and batches must be 1 or more, got 3, 0, 200");
  }
}
