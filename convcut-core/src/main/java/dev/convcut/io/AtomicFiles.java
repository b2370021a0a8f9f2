package dev.convcut.io;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes files and whole directories so that a reader never sees them half-written: the content
 * goes to a temporary sibling first and is moved into place in one rename. What it writes gets the
 * permissions the user's umask gives, not the private ones of Java's temporary files.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes the content of one file. */
  @FunctionalInterface
  public interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Something that fills a fresh, empty directory. */
  @FunctionalInterface
  public interface DirectoryWriter {
    void write(Path dir) throws IOException;
  }

  /** Writes {@code text} (UTF-8) to {@code target}, replacing any previous file atomically. */
  public static void writeString(Path target, String text) {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes {@code target} through a temporary sibling and an atomic rename. */
  public static void write(Path target, StreamWriter writer) {
    Path abs = target.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(abs.getParent());
      tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      Umask.apply(tmp);
      move(tmp, abs, true);
      tmp = null;
    } catch (IOException e) {
      throw new ConvcutException("could not write " + target + ": " + IoReason.of(e, target), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Builds the directory {@code target} in a temporary sibling and renames it into place. An
   * existing {@code target} is refused unless {@code replace} is set; then it is replaced only
   * once the new content is complete.
   */
  public static void writeDirectory(Path target, boolean replace, DirectoryWriter writer) {
    Path abs = target.toAbsolutePath();
    if (Files.exists(abs) && !replace) {
      throw OutputPlace.taken(target + " already exists", false);
    }
    Path tmp = null;
    Path old = null;
    try {
      Files.createDirectories(abs.getParent());
      tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".partial-");
      Umask.apply(tmp);
      writer.write(tmp);
      if (Files.exists(abs)) {
        old = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".old-");
        Files.delete(old);
        move(abs, old, false);
      }
      move(tmp, abs, false);
      tmp = null;
    } catch (IOException e) {
      if (old != null && !Files.exists(abs)) {
        try {
          move(old, abs, false);
          old = null;
        } catch (IOException restore) {
          e.addSuppressed(restore);
        }
      }
      throw new ConvcutException("could not write " + target + ": " + IoReason.of(e, target), e);
    } finally {
      deleteRecursively(tmp);
      deleteRecursively(old);
    }
  }

  private static void move(Path from, Path to, boolean replace) throws IOException {
    try {
      if (replace) {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (AtomicMoveNotSupportedException e) {
      if (replace) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(from, to);
      }
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      throw new IOException(to + " appeared while it was being written", e);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Best effort: a stray temporary file is harmless and clearly named.
    }
  }

  /** Deletes a file or a directory tree; a {@code null} or missing path is ignored. */
  public static void deleteRecursively(Path p) {
    if (p == null || !Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
    } catch (IOException ignored) {
      // Best effort, as above.
    }
  }
}
