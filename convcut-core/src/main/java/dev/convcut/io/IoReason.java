package dev.convcut.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file operation failed, in a person's words ("permission denied", "no space left on
 * device"), from the JDK's exception: its class, or the operating system's reason text. The
 * exception's own message is usually just a path, often a temporary file the user never named.
 */
public final class IoReason {
  private IoReason() {}

  /** The reason alone, e.g. {@code permission denied}. */
  public static String of(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return words(f.getReason());
    }
    if (e instanceof FileSystemException) {
      return "refused by the file system";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * The reason, naming the file it concerns when that is neither {@code target} nor one of the
   * temporary siblings convcut writes {@code target} through (those names mean nothing to the user).
   */
  public static String of(IOException e, Path target) {
    String reason = of(e);
    if (!(e instanceof FileSystemException f) || f.getFile() == null) {
      return reason;
    }
    Path file = Path.of(f.getFile()).toAbsolutePath().normalize();
    Path folder = file.getParent();
    if (e instanceof NoSuchFileException && folder != null && Files.isDirectory(folder)) {
      // The folder is there, yet creating a file in it says "no such file" (as /proc does).
      return folder + " does not accept new files";
    }
    Path abs = target.toAbsolutePath().normalize();
    String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
    boolean ours = file.equals(abs) || (file.getParent() != null && file.getParent().equals(abs.getParent())
        && file.getFileName().toString().startsWith("." + name)) || file.startsWith(abs);
    return ours ? reason : f.getFile() + ": " + reason;
  }

  private static String words(String osReason) {
    String r = osReason.trim();
    return r.isEmpty() ? "refused by the file system" : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
  }
}
