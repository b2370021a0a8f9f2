package dev.convcut.data;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Checks on a folder that is meant to hold a dataset, shared by every format. */
final class DataFolders {
  private DataFolders() {}

  /** Fails unless {@code folder} is an existing folder with at least one entry; {@code expected} lists what belongs there. */
  static void requireNonEmptyFolder(Path folder, DatasetSpec spec, String expected) {
    String wanted = "a " + spec.name() + " folder holds " + expected;
    if (!Files.exists(folder)) {
      throw new ConvcutException(folder + ": no such folder (" + wanted + ")");
    }
    if (!Files.isDirectory(folder)) {
      throw new ConvcutException(folder + ": is a file, not a folder (" + wanted + ")");
    }
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isEmpty()) {
        throw new ConvcutException(folder + ": the folder is empty (" + wanted + ")");
      }
    } catch (IOException e) {
      throw new ConvcutException("could not list " + folder + ": " + e, e);
    }
  }
}
