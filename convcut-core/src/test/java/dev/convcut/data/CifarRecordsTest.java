package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CifarRecordsTest {
  private final CifarRecords cifar10 = new CifarRecords(1, List.of(10), 10_000);
  private final CifarRecords cifar100 = new CifarRecords(2, List.of(20, 100), 50_000);

  private static int copy(CifarRecords records, byte[] data, int labelIndex, byte[] pixels, int[] labels, int first)
      throws Exception {
    return records.copy("f", new ByteArrayInputStream(data), data.length, labelIndex, pixels, labels, first);
  }

  @Test
  void aStreamShorterThanItsDeclaredLengthNamesTheRecordCutShort() {
    byte[] data = DataFixtures.cifarRecords(0, 3, 10);
    assertThatThrownBy(() -> cifar10.copy("s.bin", new ByteArrayInputStream(data, 0, 5000), data.length, 0, new byte[3 * 3072],
        new int[3], 0)).hasMessage("s.bin: the data ends at byte 5000 of 9219 (record 1 is cut short)");
  }

  @Test
  void copiesLabelsAndChannelFirstPixelsFromTheGivenImageOn() throws Exception {
    byte[] data = DataFixtures.cifarRecords(0, 3, 10);
    byte[] pixels = new byte[5 * 3072];
    int[] labels = new int[5];
    assertThat(copy(cifar10, data, 0, pixels, labels, 2)).isEqualTo(3);
    assertThat(labels).containsExactly(0, 0, 0, 1, 2);
    assertThat(pixels[(2 + 1) * 3072 + 1500] & 0xff).isEqualTo(DataFixtures.pixel(1, 1500));
  }

  @Test
  void cifar100TakesTheFineOrTheCoarseLabelByte() throws Exception {
    byte[] data = DataFixtures.cifarRecords(25, 2, 20, 100);
    int[] coarse = new int[2];
    int[] fine = new int[2];
    copy(cifar100, data, 0, new byte[2 * 3072], coarse, 0);
    copy(cifar100, data, 1, new byte[2 * 3072], fine, 0);
    assertThat(coarse).containsExactly(5, 6);
    assertThat(fine).containsExactly(26, 27);
  }

  @Test
  void aTruncatedFileNamesTheRecordThatIsCutShort() {
    byte[] data = Arrays.copyOf(DataFixtures.cifarRecords(0, 11, 10), 30729);
    assertThatThrownBy(() -> cifar10.count("cifar10/data_batch_3.bin", data.length))
        .hasMessage("cifar10/data_batch_3.bin: 30729 bytes is not a multiple of 3073 (record 9 is cut short)");
  }

  @Test
  void aFileWithMoreRecordsThanTheOfficialOneIsOversized() {
    CifarRecords small = new CifarRecords(1, List.of(10), 4);
    byte[] data = DataFixtures.cifarRecords(0, 6, 10);
    assertThatThrownBy(() -> small.count("b.bin", data.length))
        .hasMessage("b.bin: 18438 bytes holds 6 records, more than the 4 of the official file (records 4 on, from byte offset 12292,"
            + " do not belong there)");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThatThrownBy(() -> cifar10.count("e.bin", 0)).hasMessageStartingWith("e.bin: the file is empty");
  }

  @Test
  void aCoarseLabelOutOfRangeNamesRecordAndOffset() {
    byte[] data = DataFixtures.cifarRecords(0, 4, 20, 100);
    data[3 * 3074] = 20;
    assertThatThrownBy(() -> cifar100.copy("train.bin", new ByteArrayInputStream(data), data.length, 1, new byte[4 * 3072], new int[4], 0))
        .hasMessage("train.bin: label 20 of record 3 (byte offset 9222) is outside 0..19");
  }

  @Test
  void aFineLabelOutOfRangeIsCaughtEvenWhenReadingCoarseLabels() {
    byte[] data = DataFixtures.cifarRecords(0, 2, 20, 100);
    data[3074 + 1] = (byte) 200;
    assertThatThrownBy(() -> cifar100.copy("t.bin", new ByteArrayInputStream(data), data.length, 0, new byte[2 * 3072], new int[2], 0))
        .hasMessage("t.bin: label 200 of record 1 (byte offset 3075) is outside 0..99");
  }
}
