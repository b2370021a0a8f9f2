package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPlaceTest {
  @TempDir Path tmp;

  @Test
  void aFolderThatAcceptsNoFilesIsRefusedWithTheReason() {
    assertThatThrownBy(() -> OutputPlace.check(Path.of("/proc/x"))).isInstanceOf(ConvcutException.class)
        .hasMessage("could not write /proc/x: /proc does not accept new files");
  }

  @Test
  void aPathBelowAFileIsRefusedNamingTheFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> OutputPlace.check(file.resolve("runs/a")))
        .hasMessage("could not write " + file.resolve("runs/a") + ": " + file + " is a file, not a folder");
  }

  @Test
  void anUnwritableFolderIsRefusedInWordsWithoutTheProbesName() {
    // /sys refuses new files to everyone, root included: permission denied (or read-only where mounted so).
    assertThatThrownBy(() -> OutputPlace.check(Path.of("/sys/x")))
        .hasMessageMatching("could not write /sys/x: (permission denied|read-only file system)");
  }

  @Test
  void aMissingFolderBelowAWritableOneIsAcceptedAndNotCreated() throws Exception {
    OutputPlace.check(tmp.resolve("a/b/c"));
    assertThat(tmp.resolve("a")).doesNotExist();
    try (var left = Files.list(tmp)) {
      assertThat(left).as("the probe file is removed").isEmpty();
    }
  }
}
