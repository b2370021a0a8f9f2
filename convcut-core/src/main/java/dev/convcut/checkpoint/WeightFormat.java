package dev.convcut.checkpoint;

import java.nio.file.Path;
import java.util.Locale;

/** The two array-file formats PyTorch and numpy users read and write: safetensors and npz. */
public enum WeightFormat {
  SAFETENSORS("safetensors"), NPZ("npz");

  private final String extension;

  WeightFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The format named by {@code name} ({@code safetensors} or {@code npz}, any case). */
  public static WeightFormat parse(String name) {
    for (WeightFormat f : values()) {
      if (f.extension.equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("weight format must be safetensors or npz, got '" + name + "'");
  }

  /** The format a file's extension names; the error says which extensions are known. */
  public static WeightFormat ofFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (WeightFormat f : values()) {
      if (name.endsWith("." + f.extension)) {
        return f;
      }
    }
    throw new IllegalArgumentException(file + ": weight files must end in .safetensors or .npz");
  }
}
