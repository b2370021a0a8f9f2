package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarMembersTest {
  @TempDir Path dir;

  private static Map<String, byte[]> members() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("a.bin", "alpha".getBytes(StandardCharsets.US_ASCII));
    m.put("b.bin", new byte[3000]);
    m.put("c.txt", "gamma".getBytes(StandardCharsets.US_ASCII));
    return m;
  }

  @Test
  void readsTheWantedMembersByFileNameWhateverTheirFolder() {
    Path archive = DataFixtures.archive(dir.resolve("x.tar.gz"), "some-folder", members());
    TarMembers read = TarMembers.read(archive, List.of("a.bin", "c.txt", "absent.bin"));
    assertThat(read.members()).containsOnlyKeys("a.bin", "c.txt");
    assertThat(new String(read.members().get("c.txt").bytes(), StandardCharsets.US_ASCII)).isEqualTo("gamma");
    assertThat(read.members().get("a.bin").label()).isEqualTo(archive + ":some-folder/a.bin");
    assertThat(read.allNames()).containsExactly("some-folder/", "some-folder/a.bin", "some-folder/b.bin", "some-folder/c.txt");
  }

  @Test
  void readsAnUncompressedTarToo() {
    Path archive = DataFixtures.archive(dir.resolve("x.tar"), "f", members());
    assertThat(TarMembers.read(archive, List.of("b.bin")).members().get("b.bin").bytes()).hasSize(3000);
  }

  @Test
  void aDamagedHeaderNamesTheArchiveTheOffsetAndTheLastGoodMember() {
    byte[] tar = DataFixtures.tar("f", members());
    // The third header (after f/ and f/a.bin with its one data block) starts at byte 1536.
    Arrays.fill(tar, 1536 + 100, 1536 + 160, (byte) 'z');
    Path archive = DataFixtures.writeFile(dir.resolve("bad.tar.gz"), DataFixtures.gzip(tar));
    assertThatThrownBy(() -> TarMembers.read(archive, List.of("c.txt")))
        .hasMessageStartingWith(archive + ": corrupt tar archive near byte 1536 of the unpacked tar (last member read: f/a.bin): ");
  }

  @Test
  void aTruncatedArchiveIsReportedAsCorruptGzip() {
    byte[] packed = DataFixtures.gzip(DataFixtures.tar("f", members()));
    Path archive = DataFixtures.writeFile(dir.resolve("cut.tar.gz"), Arrays.copyOf(packed, packed.length - 30));
    assertThatThrownBy(() -> TarMembers.read(archive, List.of("c.txt")))
        .hasMessageStartingWith(archive + ": corrupt gzip data near compressed byte ");
  }

  @Test
  void aMemberCutShortByTheEndOfTheTarIsNamed() {
    byte[] tar = DataFixtures.tar("f", members());
    Path archive = DataFixtures.writeFile(dir.resolve("short.tar"), Arrays.copyOf(tar, 1536 + 512 + 1000));
    assertThatThrownBy(() -> TarMembers.read(archive, List.of("b.bin")))
        .hasMessageContaining(archive.toString())
        .hasMessageContaining("f/b.bin");
  }

  @Test
  void aFileThatHoldsNoTarMembersIsRefused() {
    Path archive = DataFixtures.writeFile(dir.resolve("zeros.tar"), new byte[2048]);
    assertThatThrownBy(() -> TarMembers.read(archive, List.of("a.bin")))
        .hasMessage(archive + ": holds no tar members (an empty or non-tar file)");
  }
}
