package dev.convcut.data.image;

import dev.convcut.ConvcutException;
import java.nio.file.Path;

/**
 * An image that cannot be decoded: corrupt or truncated data, content that is not an image
 * despite its extension, an empty file, or a format without a decoder. The message names the
 * file and the reason, so a dataset scan can report every bad file and go on.
 */
public final class BadImageException extends ConvcutException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public BadImageException(Path file, String reason) {
    super(file + ": " + reason);
    this.file = file;
  }

  public BadImageException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
  }

  /** The file (or the name given for in-memory data) that could not be decoded. */
  public Path file() {
    return file;
  }
}
