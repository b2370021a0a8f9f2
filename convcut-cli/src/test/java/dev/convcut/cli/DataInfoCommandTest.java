package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.data.DataFixtures;
import dev.convcut.io.Hashing;
import dev.convcut.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataInfoCommandTest {
  @TempDir Path root;
  private IsolatedData isolated;

  @BeforeEach
  void isolate() {
    isolated = new IsolatedData(root.resolve("home"), null, null);
  }

  @AfterEach
  void restore() {
    isolated.close();
  }

  @Test
  void printsCountsClassesStatisticsHistogramAndDigests() {
    Path dir = DataFixtures.idxFolder(root.resolve("fm"), 30, 10, true);
    MainTest.Result r = MainTest.run("data", "info", "--dataset", "fashion-mnist", "--data-dir", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Fashion-MNIST (fashion-mnist), fine labels")
        .contains("source         " + dir + " (found by --data-dir)")
        .contains("shape          1x28x28")
        .containsPattern("train +30  0\\.\\d{4}")
        .containsPattern("test +10  0\\.\\d{4}")
        .containsPattern("    9  Ankle boot +3 +1")
        .contains(Hashing.sha256(dir.resolve("train-images-idx3-ubyte.gz")) + "")
        .contains("normalization  mean 0.2860  std 0.3530");
  }

  @Test
  void jsonCarriesTheSameFacts() throws Exception {
    Path dir = DataFixtures.folder(root.resolve("c10"), DataFixtures.cifar10Members(2));
    MainTest.Result r = MainTest.run("data", "info", "--dataset", "cifar10", "--data-dir", dir.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.at("/spec/name").asText()).isEqualTo("cifar10");
    assertThat(json.at("/splits/0/stats/count").asInt()).isEqualTo(10);
    assertThat(json.at("/splits/1/stats/count").asInt()).isEqualTo(2);
    assertThat(json.at("/splits/0/stats/mean")).hasSize(3);
    assertThat(json.at("/splits/0/stats/labelCounts/0").asInt()).isEqualTo(1);
    assertThat(json.at("/files")).hasSize(7);
    assertThat(json.at("/source/origin").asText()).isEqualTo("DATA_DIR");
  }

  @Test
  void readsTheCifar100ArchiveWithCoarseLabels() {
    Path archive = DataFixtures.archive(root.resolve("cifar-100-binary.tar.gz"), "cifar-100-binary", DataFixtures.cifar100Members(40, 20));
    MainTest.Result r = MainTest.run("data", "info", "--dataset", "cifar100", "--labels", "coarse", "--data-dir", archive.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("CIFAR-100 (cifar100), coarse labels").contains("\n   19  vehicles_2").doesNotContain("\n   20  ");
  }

  @Test
  void aTruncatedFileFailsWithExitOneNamingTheFile() throws Exception {
    Path dir = DataFixtures.idxFolder(root.resolve("fm"), 5, 5, false);
    Path images = dir.resolve("t10k-images-idx3-ubyte");
    Files.write(images, Arrays.copyOf(Files.readAllBytes(images), 16 + 784 * 4 + 10));
    MainTest.Result r = MainTest.run("data", "info", "--dataset", "fashion-mnist", "--data-dir", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("convcut data info: " + images + ": the file ends at byte 3162 but its header declares 5 images"
        + " (3936 bytes): image 4 is cut short\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aCorruptArchiveAndAnEmptyFolderFailWithExitOne() throws Exception {
    byte[] packed = DataFixtures.gzip(DataFixtures.tar("cifar-10-batches-bin", DataFixtures.cifar10Members(2)));
    Path archive = DataFixtures.writeFile(root.resolve("c.tar.gz"), Arrays.copyOf(packed, packed.length - 100));
    MainTest.Result corrupt = MainTest.run("data", "info", "--dataset", "cifar10", "--data-dir", archive.toString());
    assertThat(corrupt.code()).isEqualTo(1);
    assertThat(corrupt.err()).startsWith("convcut data info: " + archive + ": corrupt gzip data near compressed byte");
    Path empty = Files.createDirectories(root.resolve("empty"));
    MainTest.Result none = MainTest.run("data", "info", "--dataset", "mnist", "--data-dir", empty.toString());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).startsWith("convcut data info: " + empty + ": the folder is empty (a mnist folder holds");
  }

  @Test
  void notFoundOfflineListsEveryWayToProvideTheData() {
    MainTest.Result r = MainTest.run("data", "info", "--dataset", "cifar10", "--no-download");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("convcut data info: CIFAR-10 (cifar10) was not found. Provide it in one of these ways:")
        .contains("--data-dir DIR").contains("$CONVCUT_DATA").contains(root.resolve("home/.convcut/datasets/cifar10").toString())
        .contains("convcut data fetch --dataset cifar10");
  }

  @Test
  void anUnknownDatasetOrCoarseLabelsWhereThereAreNoneAreUsageErrors() {
    MainTest.Result unknown = MainTest.run("data", "info", "--dataset", "svhn");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown dataset 'svhn'; known datasets: cifar10, cifar100, fashion-mnist, mnist");
    MainTest.Result coarse = MainTest.run("data", "info", "--dataset", "mnist", "--labels", "coarse");
    assertThat(coarse.code()).isEqualTo(2);
    assertThat(MainTest.run("data", "info").code()).isEqualTo(2);
  }

  @Test
  void printsTheRealFashionMnistStatistics() {
    assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")), "Debian's dataset-fashion-mnist is not installed");
    MainTest.Result r = MainTest.run("data", "info", "--dataset", "fashion-mnist", "--no-download");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("(found by system)")
        .containsPattern("train +60000  0\\.2860 +0\\.3530")
        .containsPattern("test +10000  0\\.2868 +0\\.3524")
        .containsPattern("    0  T-shirt/top +6000 +1000");
  }
}
