package dev.convcut.report.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes small test files. */
final class TestFiles {
  private TestFiles() {}

  static Path write(Path file, String text) {
    try {
      java.nio.file.Files.createDirectories(file.getParent());
      return java.nio.file.Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
