package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressedFilesTest {
  @TempDir Path dir;

  private static byte[] readAll(Path file) throws IOException {
    try (InputStream in = CompressedFiles.open(file)) {
      return in.readAllBytes();
    }
  }

  private static byte[] sample() {
    return DataFixtures.idxImages(50, 28, 28);
  }

  @Test
  void readsPlainAndGzippedFilesToTheSameBytes() throws Exception {
    Path plain = DataFixtures.writeFile(dir.resolve("plain"), sample());
    Path gz = DataFixtures.writeFile(dir.resolve("packed.gz"), DataFixtures.gzip(sample()));
    assertThat(readAll(plain)).isEqualTo(sample());
    assertThat(readAll(gz)).isEqualTo(sample());
  }

  @Test
  void detectsGzipByItsMagicBytesNotItsName() throws Exception {
    Path gz = DataFixtures.writeFile(dir.resolve("no-suffix"), DataFixtures.gzip(sample()));
    assertThat(CompressedFiles.isGzip(gz)).isTrue();
    assertThat(readAll(gz)).isEqualTo(sample());
  }

  @Test
  void aTruncatedGzipNamesTheFileAndHowFarItGot() throws Exception {
    byte[] packed = DataFixtures.gzip(sample());
    Path gz = DataFixtures.writeFile(dir.resolve("cut.gz"), Arrays.copyOf(packed, packed.length / 2));
    assertThatThrownBy(() -> readAll(gz))
        .isInstanceOf(ConvcutException.class)
        .hasMessageStartingWith(gz + ": corrupt gzip data near compressed byte ")
        .hasMessageEndingWith("the file ends in the middle of the compressed stream");
  }

  @Test
  void damagedDeflateDataNamesTheFile() throws Exception {
    byte[] packed = DataFixtures.gzip(sample());
    for (int i = 20; i < 60; i++) {
      packed[i] = (byte) 0xff;
    }
    Path gz = DataFixtures.writeFile(dir.resolve("bad.gz"), packed);
    assertThatThrownBy(() -> readAll(gz)).hasMessageStartingWith(gz + ": corrupt gzip data near compressed byte ");
  }

  @Test
  void aDotGzFileWithoutTheGzipMagicIsCorrupt() throws Exception {
    Path gz = DataFixtures.writeFile(dir.resolve("fake.gz"), sample());
    assertThatThrownBy(() -> readAll(gz))
        .hasMessage(gz + ": corrupt gzip data at byte 0: the file does not start with the gzip magic bytes 1f 8b");
  }

  @Test
  void aMissingFileIsNamed() throws Exception {
    assertThatThrownBy(() -> readAll(dir.resolve("absent"))).hasMessage(dir.resolve("absent") + ": no such file");
  }

  @Test
  void openStreamsTheUnpackedBytes() throws IOException {
    Path gz = DataFixtures.writeFile(dir.resolve("s.gz"), DataFixtures.gzip(sample()));
    try (InputStream in = CompressedFiles.open(gz)) {
      assertThat(in.readAllBytes()).isEqualTo(sample());
    }
  }
}
