package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowLogTest {
  @TempDir Path tmp;

  @Test
  void rowsAreOnDiskAsSoonAsAppendReturnsAndReopeningHandsThemBack() throws Exception {
    Path f = tmp.resolve("a/rows.csv");
    try (RowLog log = RowLog.open(f, List.of("k", "v"))) {
      assertThat(log.existing()).isEmpty();
      log.append(List.of("x", 1.5));
      assertThat(Files.readString(f)).isEqualTo("k,v\nx,1.5\n");
    }
    try (RowLog log = RowLog.open(f, List.of("k", "v"))) {
      assertThat(log.existing()).hasSize(1);
      assertThat(log.existing().get(0).text("k")).isEqualTo("x");
      log.append(List.of("y, z", 2));
    }
    assertThat(Files.readString(f)).isEqualTo("k,v\nx,1.5\n\"y, z\",2\n");
  }

  @Test
  void aTornLastLineIsCutOffOnOpening() throws Exception {
    Path f = tmp.resolve("rows.csv");
    Files.writeString(f, "k,v\nx,1\ny,", StandardCharsets.UTF_8);
    try (RowLog log = RowLog.open(f, List.of("k", "v"))) {
      assertThat(log.existing()).hasSize(1);
      log.append(List.of("y", 2));
    }
    assertThat(Files.readString(f)).isEqualTo("k,v\nx,1\ny,2\n");
  }

  @Test
  void aFileWithAnotherHeaderIsRefused() throws Exception {
    Path f = tmp.resolve("rows.csv");
    Files.writeString(f, "a,b\n1,2\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RowLog.open(f, List.of("k", "v"))).isInstanceOf(ConvcutException.class)
        .hasMessageContaining("expected k,v, found a,b");
  }
}
