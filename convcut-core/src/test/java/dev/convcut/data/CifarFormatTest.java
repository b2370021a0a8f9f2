package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarFormatTest {
  @TempDir Path dir;
  private final DatasetSpec cifar10 = Datasets.spec("cifar10");
  private final DatasetSpec cifar100 = Datasets.spec("cifar100");
  private final CifarFormat format10 = CifarFormat.cifar10();
  private final CifarFormat format100 = CifarFormat.cifar100();

  @Test
  void readsTheFiveTrainingBatchesInOrderFromAFolder() {
    DataFixtures.folder(dir, DataFixtures.cifar10Members(4));
    ImageSet train = format10.read(cifar10, dir, Split.TRAIN, LabelKind.FINE);
    assertThat(train.size()).isEqualTo(20);
    assertThat(train.channels()).isEqualTo(3);
    assertThat(train.labels()[13]).isEqualTo(3);
    // Image 13 is record 1 of data_batch_4.bin; byte 2000 is in its green plane.
    assertThat(train.pixels()[13 * 3072 + 2000] & 0xff).isEqualTo(DataFixtures.pixel(13, 2000));
    assertThat(format10.read(cifar10, dir, Split.TEST, LabelKind.FINE).size()).isEqualTo(4);
  }

  @Test
  void readsTheOfficialTarGzItselfWithTheSameResult() {
    Map<String, byte[]> members = DataFixtures.cifar10Members(3);
    Path archive = DataFixtures.archive(dir.resolve("cifar-10-binary.tar.gz"), "cifar-10-batches-bin", members);
    Path folder = DataFixtures.folder(dir.resolve("unpacked"), members);
    ImageSet fromArchive = format10.read(cifar10, archive, Split.TRAIN, LabelKind.FINE);
    ImageSet fromFolder = format10.read(cifar10, folder, Split.TRAIN, LabelKind.FINE);
    assertThat(fromArchive.pixels()).isEqualTo(fromFolder.pixels());
    assertThat(fromArchive.labels()).isEqualTo(fromFolder.labels());
    assertThat(format10.files(archive)).containsExactly(archive);
  }

  @Test
  void findsTheArchiveOrTheExtractedFolderInsideTheGivenFolder() {
    Map<String, byte[]> members = DataFixtures.cifar10Members(2);
    Path withArchive = dir.resolve("a");
    DataFixtures.archive(withArchive.resolve("cifar-10-binary.tar.gz"), "cifar-10-batches-bin", members);
    Path withFolder = dir.resolve("b");
    DataFixtures.folder(withFolder.resolve("cifar-10-batches-bin"), members);
    assertThat(format10.read(cifar10, withArchive, Split.TEST, LabelKind.FINE).size()).isEqualTo(2);
    assertThat(format10.read(cifar10, withFolder, Split.TEST, LabelKind.FINE).size()).isEqualTo(2);
    assertThat(format10.recognizes(withArchive)).isTrue();
    assertThat(format10.recognizes(withFolder)).isTrue();
    assertThat(format10.recognizes(dir)).isFalse();
  }

  @Test
  void takesClassNamesFromTheMetaFileWhenPresent() {
    Map<String, byte[]> members = DataFixtures.cifar10Members(1);
    members.put("batches.meta.txt", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n".getBytes(StandardCharsets.US_ASCII));
    DataFixtures.folder(dir, members);
    assertThat(format10.read(cifar10, dir, Split.TEST, LabelKind.FINE).classes()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
  }

  @Test
  void usesTheBuiltInNamesWithoutAMetaFile() throws Exception {
    DataFixtures.folder(dir, DataFixtures.cifar10Members(1));
    Files.delete(dir.resolve("batches.meta.txt"));
    assertThat(format10.read(cifar10, dir, Split.TEST, LabelKind.FINE).classes()).isEqualTo(ClassNames.CIFAR10);
  }

  @Test
  void aMetaFileWithTheWrongNumberOfNamesIsRefused() {
    Map<String, byte[]> members = DataFixtures.cifar10Members(1);
    members.put("batches.meta.txt", "cat\ndog\n".getBytes(StandardCharsets.US_ASCII));
    DataFixtures.folder(dir, members);
    assertThatThrownBy(() -> format10.read(cifar10, dir, Split.TEST, LabelKind.FINE))
        .hasMessage(dir.resolve("batches.meta.txt") + ": 2 class names, expected 10 (one per line)");
  }

  @Test
  void aMissingTrainingBatchInAFolderIsNamed() throws Exception {
    DataFixtures.folder(dir, DataFixtures.cifar10Members(1));
    Files.delete(dir.resolve("data_batch_4.bin"));
    assertThatThrownBy(() -> format10.read(cifar10, dir, Split.TRAIN, LabelKind.FINE))
        .hasMessageStartingWith(dir + ": data_batch_4.bin is missing, so the train split of cifar10 is incomplete");
  }

  @Test
  void aMissingMemberOfTheArchiveIsNamedWithWhatTheArchiveHolds() {
    Map<String, byte[]> members = DataFixtures.cifar10Members(1);
    members.remove("test_batch.bin");
    Path archive = DataFixtures.archive(dir.resolve("cifar-10-binary.tar.gz"), "cifar-10-batches-bin", members);
    assertThatThrownBy(() -> format10.read(cifar10, archive, Split.TEST, LabelKind.FINE))
        .hasMessageStartingWith(archive + ": member test_batch.bin is missing, so the test split of cifar10 is incomplete"
            + " (the archive holds cifar-10-batches-bin/, cifar-10-batches-bin/data_batch_1.bin");
  }

  @Test
  void aTruncatedBatchInsideTheArchiveNamesArchiveMemberAndRecord() {
    Map<String, byte[]> members = DataFixtures.cifar10Members(3);
    members.put("data_batch_2.bin", Arrays.copyOf(members.get("data_batch_2.bin"), 3 * 3073 - 5));
    Path archive = DataFixtures.archive(dir.resolve("cifar-10-binary.tar.gz"), "cifar-10-batches-bin", members);
    assertThatThrownBy(() -> format10.read(cifar10, archive, Split.TRAIN, LabelKind.FINE))
        .hasMessage(archive + ":cifar-10-batches-bin/data_batch_2.bin: 9214 bytes is not a multiple of 3073 (record 2 is cut short)");
  }

  @Test
  void aCorruptArchiveIsReported() {
    byte[] packed = DataFixtures.gzip(DataFixtures.tar("cifar-10-batches-bin", DataFixtures.cifar10Members(2)));
    Path archive = DataFixtures.writeFile(dir.resolve("cifar-10-binary.tar.gz"), Arrays.copyOf(packed, packed.length / 2));
    assertThatThrownBy(() -> format10.read(cifar10, archive, Split.TRAIN, LabelKind.FINE))
        .hasMessageStartingWith(archive + ": corrupt gzip data near compressed byte");
  }

  @Test
  void anEmptyFolderSaysWhatBelongsInIt() {
    assertThatThrownBy(() -> format10.read(cifar10, dir, Split.TEST, LabelKind.FINE))
        .hasMessageStartingWith(dir + ": the folder is empty (a cifar10 folder holds data_batch_1.bin, ")
        .hasMessageEndingWith("(or just cifar-10-binary.tar.gz))");
  }

  @Test
  void cifar100ReadsFineLabelsByDefaultAndCoarseOnRequest() {
    Path archive = DataFixtures.archive(dir.resolve("cifar-100-binary.tar.gz"), "cifar-100-binary", DataFixtures.cifar100Members(30, 6));
    ImageSet fine = format100.read(cifar100, archive, Split.TRAIN, LabelKind.FINE);
    ImageSet coarse = format100.read(cifar100, archive, Split.TRAIN, LabelKind.COARSE);
    assertThat(fine.size()).isEqualTo(30);
    assertThat(fine.labels()[25]).isEqualTo(26);
    assertThat(coarse.labels()[25]).isEqualTo(5);
    assertThat(fine.classes()).hasSize(100).startsWith("apple", "aquarium_fish");
    assertThat(coarse.classes()).hasSize(20).startsWith("aquatic_mammals");
    assertThat(fine.pixels()).isEqualTo(coarse.pixels());
    assertThat(format100.read(cifar100, archive, Split.TEST, LabelKind.FINE).size()).isEqualTo(6);
  }

  @Test
  void unpackTurnsTheDownloadedArchiveIntoAFolderOfMembers() {
    DataFixtures.archive(dir.resolve("cifar-100-binary.tar.gz"), "cifar-100-binary", DataFixtures.cifar100Members(2, 2));
    format100.unpack(dir);
    assertThat(dir.resolve("cifar-100-binary.tar.gz")).doesNotExist();
    assertThat(format100.files(dir)).extracting(p -> p.getFileName().toString())
        .containsExactly("train.bin", "test.bin", "fine_label_names.txt", "coarse_label_names.txt");
  }
}
