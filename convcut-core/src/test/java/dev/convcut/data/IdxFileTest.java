package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdxFileTest {

  private static InputStream in(byte[] data) {
    return new ByteArrayInputStream(data);
  }

  @Test
  void readsTheHeaderDimensionsAndThePixelsInFileOrder() throws Exception {
    IdxFile.Images images = IdxFile.images("x", in(DataFixtures.idxImages(3, 4, 5)));
    assertThat(images.count()).isEqualTo(3);
    assertThat(images.rows()).isEqualTo(4);
    assertThat(images.cols()).isEqualTo(5);
    assertThat(images.pixels()).hasSize(60);
    assertThat(images.pixels()[2 * 20 + 7] & 0xff).isEqualTo(DataFixtures.pixel(2, 7));
  }

  @Test
  void readsLabelsAsUnsignedBytes() throws Exception {
    assertThat(IdxFile.labels("x", in(DataFixtures.idxLabels(12, 10)), 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1);
  }

  @Test
  void aLabelFileGivenAsImagesIsRefusedByItsMagicNumber() {
    assertThatThrownBy(() -> IdxFile.images("train-labels", in(DataFixtures.idxLabels(40, 10))))
        .isInstanceOf(ConvcutException.class)
        .hasMessage("train-labels: magic number 0x00000801 at byte offset 0 is not 0x00000803, the IDX magic of images"
            + " (unsigned bytes, 3 dimensions) (this is a label file)");
  }

  @Test
  void aWrongMagicNumberIsNamedInHex() {
    byte[] data = DataFixtures.idxLabels(4, 10);
    data[3] = 0x09;
    assertThatThrownBy(() -> IdxFile.labels("l", in(data), 10)).hasMessageStartingWith("l: magic number 0x00000809 at byte offset 0 is not 0x00000801");
  }

  @Test
  void aTruncatedImageFileNamesTheImageThatIsCutShort() {
    byte[] data = Arrays.copyOf(DataFixtures.idxImages(10, 28, 28), 16 + 9 * 784 + 100);
    assertThatThrownBy(() -> IdxFile.images("imgs", in(data)))
        .hasMessage("imgs: the file ends at byte 7172 but its header declares 10 images (7856 bytes): image 9 is cut short");
  }

  @Test
  void anOversizedFileNamesTheOffsetOfTheUnexpectedBytes() {
    byte[] data = Arrays.copyOf(DataFixtures.idxLabels(5, 10), 8 + 5 + 3);
    assertThatThrownBy(() -> IdxFile.labels("lbl", in(data), 10))
        .hasMessage("lbl: 3 unexpected bytes from byte offset 13 on, after the last of the 5 labels its header declares"
            + " (the file is 16 bytes, expected 13)");
  }

  @Test
  void aLabelOutOfRangeNamesTheRecordAndItsOffset() {
    byte[] data = DataFixtures.idxLabels(20, 10);
    data[8 + 17] = 12;
    assertThatThrownBy(() -> IdxFile.labels("lbl", in(data), 10))
        .hasMessage("lbl: label 12 of record 17 (byte offset 25) is outside 0..9");
  }

  @Test
  void aFileShorterThanItsHeaderIsRefused() {
    assertThatThrownBy(() -> IdxFile.images("tiny", in(new byte[] {0, 0, 8, 3, 0})))
        .hasMessageStartingWith("tiny: 5 bytes is too short for the 16-byte IDX header");
  }

  @Test
  void aZeroDimensionIsRefusedWithItsOffset() {
    byte[] data = DataFixtures.idxImages(1, 2, 2);
    data[11] = 0;
    assertThatThrownBy(() -> IdxFile.images("z", in(data))).hasMessage("z: the rows at byte offset 8 must be positive, got 0");
  }
}
