package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.data.DataFixtures;
import dev.convcut.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataListCommandTest {
  @TempDir Path root;

  @Test
  void showsWhereEachDatasetWasFoundAndItsSize() {
    DataFixtures.idxFolder(root.resolve("env/mnist"), 10, 10, false);
    DataFixtures.folder(root.resolve("home/.convcut/datasets/cifar100"), DataFixtures.cifar100Members(1, 1));
    try (IsolatedData ignored = new IsolatedData(root.resolve("home"), root.resolve("env"), null)) {
      MainTest.Result r = MainTest.run("data", "list");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .containsPattern("mnist +MNIST +\\$CONVCUT_DATA +0\\.0 MB  " + root.resolve("env/mnist"))
          .containsPattern("cifar100 +CIFAR-100 +cache +0\\.0 MB  " + root.resolve("home/.convcut/datasets/cifar100"))
          .containsPattern("cifar10 +CIFAR-10 +- +-  not found \\(convcut data fetch --dataset cifar10\\)");
    }
  }

  @Test
  void jsonListsEveryDatasetWithItsDownloadAddress() throws Exception {
    try (IsolatedData ignored = new IsolatedData(root.resolve("home"), null, "http://mirror.invalid/d")) {
      MainTest.Result r = MainTest.run("data", "list", "--json");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode json = Json.mapper().readTree(r.out());
      assertThat(json).hasSize(4);
      assertThat(json.get(0).get("dataset").asText()).isEqualTo("cifar10");
      assertThat(json.get(0).get("path").isNull()).isTrue();
      assertThat(json.get(3).get("url").asText()).isEqualTo("http://mirror.invalid/d/mnist/");
    }
  }
}
