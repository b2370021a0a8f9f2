package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFormatTest {
  @TempDir Path dir;
  private final DatasetSpec spec = Datasets.spec("fashion-mnist");
  private final IdxFormat format = new IdxFormat("http://example/", "a", "b", "c", "d");

  @Test
  void readsBothSplitsOfAGzippedFolder() {
    DataFixtures.idxFolder(dir, 30, 12, true);
    ImageSet train = format.read(spec, dir, Split.TRAIN, LabelKind.FINE);
    ImageSet test = format.read(spec, dir, Split.TEST, LabelKind.FINE);
    assertThat(train.size()).isEqualTo(30);
    assertThat(test.size()).isEqualTo(12);
    assertThat(train.channels()).isEqualTo(1);
    assertThat(train.height()).isEqualTo(28);
    assertThat(train.classes()).isEqualTo(spec.classes());
    assertThat(train.labels()[13]).isEqualTo(3);
    assertThat(train.pixels()[5 * 784 + 100] & 0xff).isEqualTo(DataFixtures.pixel(5, 100));
    assertThat(test.split()).isEqualTo("test");
  }

  @Test
  void readsUncompressedFilesToo() {
    DataFixtures.idxFolder(dir, 7, 3, false);
    assertThat(format.read(spec, dir, Split.TEST, LabelKind.FINE).size()).isEqualTo(3);
  }

  @Test
  void mismatchedImageAndLabelCountsNameBothFiles() {
    DataFixtures.idxFolder(dir, 10, 5, true);
    DataFixtures.write(dir, "train-labels-idx1-ubyte", DataFixtures.idxLabels(9, 10), true);
    assertThatThrownBy(() -> format.read(spec, dir, Split.TRAIN, LabelKind.FINE))
        .hasMessage(dir.resolve("train-labels-idx1-ubyte.gz") + " holds 9 labels but " + dir.resolve("train-images-idx3-ubyte.gz")
            + " holds 10 images: the two files must have one label per image");
  }

  @Test
  void aMissingSplitNamesTheAbsentFile() throws Exception {
    DataFixtures.idxFolder(dir, 4, 4, true);
    Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));
    assertThat(format.read(spec, dir, Split.TRAIN, LabelKind.FINE).size()).isEqualTo(4);
    assertThatThrownBy(() -> format.read(spec, dir, Split.TEST, LabelKind.FINE))
        .hasMessageStartingWith(dir + ": neither t10k-images-idx3-ubyte.gz nor t10k-images-idx3-ubyte is there, so the test split of"
            + " fashion-mnist is missing");
  }

  @Test
  void anEmptyFolderSaysWhatBelongsInIt() {
    assertThatThrownBy(() -> format.read(spec, dir, Split.TRAIN, LabelKind.FINE))
        .hasMessage(dir + ": the folder is empty (a fashion-mnist folder holds train-images-idx3-ubyte.gz, "
            + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)");
  }

  @Test
  void imagesOfTheWrongSizeAreRefused() {
    DataFixtures.idxFolder(dir, 4, 4, false);
    DataFixtures.write(dir, "train-images-idx3-ubyte", DataFixtures.idxImages(4, 32, 32), false);
    assertThatThrownBy(() -> format.read(spec, dir, Split.TRAIN, LabelKind.FINE))
        .hasMessage(dir.resolve("train-images-idx3-ubyte") + ": images are 32x32, but Fashion-MNIST images are 28x28");
  }

  @Test
  void aLabelOutOfRangeInAGzippedFileNamesTheFileAndRecord() {
    DataFixtures.idxFolder(dir, 4, 4, true);
    byte[] labels = DataFixtures.idxLabels(4, 10);
    labels[8 + 2] = 10;
    DataFixtures.write(dir, "t10k-labels-idx1-ubyte", labels, true);
    assertThatThrownBy(() -> format.read(spec, dir, Split.TEST, LabelKind.FINE))
        .hasMessage(dir.resolve("t10k-labels-idx1-ubyte.gz") + ": label 10 of record 2 (byte offset 10) is outside 0..9");
  }

  @Test
  void recognizesAFolderByAnyOfItsFilesAndListsTheFilesPresent() {
    assertThat(format.recognizes(dir)).isFalse();
    DataFixtures.write(dir, "t10k-labels-idx1-ubyte", DataFixtures.idxLabels(1, 10), false);
    assertThat(format.recognizes(dir)).isTrue();
    assertThat(format.files(dir)).containsExactly(dir.resolve("t10k-labels-idx1-ubyte"));
  }
}
