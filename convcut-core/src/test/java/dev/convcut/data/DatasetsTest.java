package dev.convcut.data;

import dev.convcut.InvalidSettingException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  /** Debian's dataset-fashion-mnist, installed by CI (.ci/run). */
  static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  @TempDir Path root;

  @Test
  void knowsTheFourDatasetsOfTheStudyWithTheirPublishedConstants() {
    // Registration order is kept; datasets registered by other tests come after these.
    assertThat(Datasets.names().subList(0, 4)).containsExactly("cifar10", "cifar100", "fashion-mnist", "mnist");
    DatasetSpec cifar10 = Datasets.spec("cifar10");
    assertThat(cifar10.normalization().mean()).containsExactly(0.4914, 0.4822, 0.4465);
    assertThat(cifar10.normalization().std()).containsExactly(0.2470, 0.2435, 0.2616);
    assertThat(cifar10.trainAugmentation()).isEqualTo(Augmentation.CROP_AND_FLIP);
    assertThat(Datasets.spec("cifar100").normalization().std()).containsExactly(0.2673, 0.2564, 0.2762);
    assertThat(Datasets.spec("cifar100").coarseClasses()).hasSize(20);
    assertThat(Datasets.spec("fashion-mnist").normalization().mean()).containsExactly(0.2860);
    assertThat(Datasets.spec("fashion-mnist").trainAugmentation()).isEqualTo(Augmentation.NONE);
    assertThat(Datasets.spec("mnist").normalization().std()).containsExactly(0.3081);
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Datasets.spec("imagenet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown dataset 'imagenet'; known datasets: cifar10, cifar100, fashion-mnist, mnist, and imagefolder"
            + " (a folder of class folders of images)");
  }

  @Test
  void loadsFromTheDataDir() {
    Path dir = DataFixtures.folder(root.resolve("c100"), DataFixtures.cifar100Members(8, 4));
    DataOptions options = new DataOptions(dir, LabelKind.COARSE, false, DataFixtures.isolated(root));
    ImageSet set = Datasets.load("cifar100", Split.TEST, options);
    assertThat(set.size()).isEqualTo(4);
    assertThat(set.classes()).hasSize(20);
    assertThat(Datasets.locate("cifar100", options).origin()).isEqualTo(DataSource.Origin.DATA_DIR);
    assertThat(Datasets.files(Datasets.locate("cifar100", options))).hasSize(4);
  }

  @Test
  void coarseLabelsAreRefusedForDatasetsWithoutThem() {
    DataOptions options = new DataOptions(null, LabelKind.COARSE, false, DataFixtures.isolated(root));
    assertThatThrownBy(() -> Datasets.load("mnist", Split.TRAIN, options))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("the label kind coarse: mnist has only fine labels (coarse labels: cifar100)");
  }

  @Test
  void notFoundOfflineListsTheWaysWithoutDownloadingWhenDownloadsAreOff() {
    DataOptions options = new DataOptions(null, LabelKind.FINE, false, DataFixtures.isolated(root));
    assertThatThrownBy(() -> Datasets.load("cifar10", Split.TRAIN, options))
        .hasMessageStartingWith("CIFAR-10 (cifar10) was not found. Provide it in one of these ways:");
    assertThat(Datasets.find("cifar10", options)).isEmpty();
  }

  @Test
  void aFailedDownloadBecomesTheNotFoundMessageWithItsReasonAndLeavesNoCacheEntry() throws Exception {
    URI closed = DataFixtures.closedPort();
    DataLocations where = new DataLocations(null, root.resolve("cache"), List.of(), closed);
    assertThatThrownBy(() -> Datasets.load("mnist", Split.TEST, new DataOptions(null, LabelKind.FINE, true, where)))
        .hasMessageStartingWith("MNIST (mnist) was not found, and downloading it failed: could not reach " + closed
            + "mnist/train-images-idx3-ubyte.gz")
        .hasMessageContaining("Provide it in one of these ways:");
    assertThat(root.resolve("cache")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void realFashionMnistFromDebianHasTheOfficialCountsAndStatistics() {
    assumeTrue(Files.isDirectory(DEBIAN_FASHION_MNIST), "Debian's dataset-fashion-mnist is not installed");
    DataOptions options = new DataOptions(null, LabelKind.FINE, false,
        new DataLocations(null, root.resolve("cache"), List.of(Path.of("/usr/share/datasets")), null));
    assertThat(Datasets.locate("fashion-mnist", options).origin()).isEqualTo(DataSource.Origin.SYSTEM);
    ImageSet train = Datasets.load("fashion-mnist", Split.TRAIN, options);
    ImageSet test = Datasets.load("fashion-mnist", Split.TEST, options);
    assertThat(train.size()).isEqualTo(60_000);
    assertThat(test.size()).isEqualTo(10_000);
    DatasetStats stats = DatasetStats.of(train);
    assertThat(stats.mean().get(0)).isCloseTo(0.2860, within(5e-5));
    assertThat(stats.std().get(0)).isCloseTo(0.3530, within(5e-5));
    assertThat(stats.labelCounts()).isEqualTo(Collections.nCopies(10, 6000));
    assertThat(DatasetStats.of(test).labelCounts()).isEqualTo(Collections.nCopies(10, 1000));
  }

  @Test
  void aRegisteredDatasetIsFoundReadAndCheckedByNameAndItsNameCannotBeTakenTwice() {
    DatasetSpec spec = new DatasetSpec("tiny-idx", "Tiny IDX", 1, 28, 28, ClassNames.FASHION_MNIST, List.of(),
        new Normalization(new double[] {0.5}, new double[] {0.25}), "made up for the test", Augmentation.NONE, 6, 3);
    Datasets.register(spec, new IdxFormat("https://example.invalid/", "", "", "", ""), null);
    assertThat(Datasets.names()).contains("tiny-idx");
    Path dir = DataFixtures.idxFolder(root.resolve("tiny"), 6, 3, false);
    ImageSet test = Datasets.load("tiny-idx", Split.TEST, new DataOptions(dir, LabelKind.FINE, false, DataFixtures.isolated(root)));
    assertThat(test.size()).isEqualTo(3);
    assertThat(Datasets.spec("tiny-idx").normalization().mean()).containsExactly(0.5);
    assertThatThrownBy(() -> Datasets.register(spec, new IdxFormat("https://example.invalid/", "", "", "", ""), null))
        .hasMessageContaining("dataset name 'tiny-idx' is taken");
    assertThatThrownBy(() -> Datasets.register(new DatasetSpec("imagefolder", "x", 1, 28, 28, ClassNames.MNIST, List.of(),
        new Normalization(new double[] {0.5}, new double[] {0.25}), "x", Augmentation.NONE, 6, 3),
        new IdxFormat("https://example.invalid/", "", "", "", ""), null)).hasMessageContaining("is taken");
  }
}
