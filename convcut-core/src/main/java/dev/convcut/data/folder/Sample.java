package dev.convcut.data.folder;

import java.nio.file.Path;

/** One image of an image folder: its file and its class index, as torchvision's {@code ImageFolder.samples} holds it. */
public record Sample(Path file, int label) {
  public Sample {
    if (label < 0) {
      throw new IllegalArgumentException("a class index must be >= 0, got " + label + " for " + file);
    }
  }
}
