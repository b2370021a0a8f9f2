package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFoldersTest {
  @TempDir Path dir;
  private final DatasetSpec spec = Datasets.spec("mnist");

  @Test
  void acceptsAFolderWithAnEntry() {
    DataFixtures.writeFile(dir.resolve("x"), new byte[1]);
    assertThatCode(() -> DataFolders.requireNonEmptyFolder(dir, spec, "x")).doesNotThrowAnyException();
  }

  @Test
  void refusesAFileAMissingFolderAndAnEmptyOne() {
    Path file = DataFixtures.writeFile(dir.resolve("f"), new byte[1]);
    assertThatThrownBy(() -> DataFolders.requireNonEmptyFolder(file, spec, "a, b"))
        .hasMessage(file + ": is a file, not a folder (a mnist folder holds a, b)");
    assertThatThrownBy(() -> DataFolders.requireNonEmptyFolder(dir.resolve("none"), spec, "a"))
        .hasMessage(dir.resolve("none") + ": no such folder (a mnist folder holds a)");
    Path empty = dir.resolve("empty");
    empty.toFile().mkdir();
    assertThatThrownBy(() -> DataFolders.requireNonEmptyFolder(empty, spec, "a"))
        .hasMessage(empty + ": the folder is empty (a mnist folder holds a)");
  }
}
