package dev.convcut.data;

import dev.convcut.ConvcutException;
import dev.convcut.Marked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {
  @TempDir Path root;

  private KnownDataset fashion() {
    return new KnownDataset(Datasets.spec("fashion-mnist"), new IdxFormat("http://official/", "a", "b", "c", "d"), "dataset-fashion-mnist");
  }

  private DataLocations withEnvironment() {
    return new DataLocations(root.resolve("env"), root.resolve("cache"), List.of(root.resolve("system")), null);
  }

  private DataOptions options(Path dataDir, DataLocations where) {
    return new DataOptions(dataDir, LabelKind.FINE, false, where);
  }

  private Path make(String path) throws Exception {
    return Files.createDirectories(root.resolve(path));
  }

  @Test
  void searchesEnvironmentThenCacheThenSystem() throws Exception {
    DataLocations where = withEnvironment();
    assertThat(DatasetLocator.find(fashion(), options(null, where))).isEmpty();
    make("system/fashion-mnist");
    assertThat(DatasetLocator.find(fashion(), options(null, where)).orElseThrow().origin()).isEqualTo(DataSource.Origin.SYSTEM);
    make("cache/fashion-mnist");
    assertThat(DatasetLocator.find(fashion(), options(null, where)).orElseThrow().origin()).isEqualTo(DataSource.Origin.CACHE);
    Path env = make("env/fashion-mnist");
    DataSource found = DatasetLocator.find(fashion(), options(null, where)).orElseThrow();
    assertThat(found.origin()).isEqualTo(DataSource.Origin.ENVIRONMENT);
    assertThat(found.path()).isEqualTo(env);
  }

  @Test
  void dataDirWinsOverEverythingAndMayHoldTheDatasetFolder() throws Exception {
    make("cache/fashion-mnist");
    Path parent = make("mine");
    Path nested = make("mine/fashion-mnist");
    DataSource found = DatasetLocator.find(fashion(), options(parent, withEnvironment())).orElseThrow();
    assertThat(found.origin()).isEqualTo(DataSource.Origin.DATA_DIR);
    assertThat(found.path()).isEqualTo(nested);
    DataFixtures.idxFolder(parent, 1, 1, true);
    assertThat(DatasetLocator.find(fashion(), options(parent, withEnvironment())).orElseThrow().path()).isEqualTo(parent);
  }

  @Test
  void aDataDirThatDoesNotExistIsAnError() {
    Path absent = root.resolve("nope");
    assertThatThrownBy(() -> DatasetLocator.find(fashion(), options(absent, withEnvironment())))
        .hasMessage("the data folder " + absent + ": no such file or folder")
        .satisfies(e -> assertThat(Marked.of(e)).isEqualTo("<DATA_DIR> " + absent + ": no such file or folder"));
  }

  @Test
  void theNotFoundMessageListsEveryWayToProvideTheData() {
    ConvcutException e = DatasetLocator.notFound(fashion(), DataFixtures.isolated(root), null);
    assertThat(e.getMessage())
        .startsWith("Fashion-MNIST (fashion-mnist) was not found. Provide it in one of these ways:")
        .contains("the data folder DIR a folder holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz")
        .contains("$CONVCUT_DATA   a folder with a fashion-mnist/ sub-folder of those files (it is not set)")
        .contains("put the files in " + root.resolve("cache/fashion-mnist"))
        .contains("sudo apt-get install dataset-fashion-mnist (installs " + root.resolve("system/fashion-mnist") + ")")
        .contains("a dataset download fashion-mnist (from http://official/; needs internet)");
    assertThat(Marked.of(e)).contains("\n  <DATA_DIR> DIR  a folder holding").contains("\n  download        <DATA_FETCH> fashion-mnist");
  }

  @Test
  void theNotFoundMessageSaysWhyADownloadFailedAndNamesTheMirror() {
    DataLocations where = new DataLocations(root.resolve("env"), root.resolve("cache"), List.of(), URI.create("http://127.0.0.1:9/m/"));
    KnownDataset cifar = new KnownDataset(Datasets.spec("cifar10"), CifarFormat.cifar10(), null);
    String message = DatasetLocator.notFound(cifar, where, "could not reach it").getMessage();
    assertThat(message)
        .startsWith("CIFAR-10 (cifar10) was not found, and downloading it failed: could not reach it. Provide it")
        .contains("(or cifar-10-binary.tar.gz itself)")
        .contains("(it is " + root.resolve("env") + ", which has no cifar10/)")
        .contains("from http://127.0.0.1:9/m/cifar10/;")
        .doesNotContain("apt-get");
  }
}
