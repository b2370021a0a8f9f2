package dev.convcut.io;

import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any data is read or any model runs, that an output can be
 * written: its nearest existing folder must be a folder in which this process can create a file.
 * The check creates and deletes one empty hidden file there and creates no folders, so a run
 * refused later for another reason leaves nothing behind.
 */
public final class OutputPlace {
  private OutputPlace() {}

  /**
   * Refuses an output that cannot be written, naming it and the reason.
   *
   * @throws ConvcutException e.g. {@code could not write /proc/x: /proc does not accept new files}
   */
  public static void check(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || abs.getFileName() == null) {
      throw new ConvcutException(target + ": a file system root cannot be an output");
    }
    Path existing = parent;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new ConvcutException("could not write " + target + ": no folder above it exists");
    }
    if (!Files.isDirectory(existing)) {
      throw new ConvcutException("could not write " + target + ": " + existing + " is a file, not a folder");
    }
    Path probe = null;
    try {
      probe = Files.createTempFile(existing, ".convcut-write-check-", ".tmp");
    } catch (IOException e) {
      throw new ConvcutException("could not write " + target + ": " + where(existing, parent) + IoReason.of(e, existing), e);
    } finally {
      if (probe != null) {
        try {
          Files.deleteIfExists(probe);
        } catch (IOException ignored) {
          // An empty hidden file named for what it was is harmless.
        }
      }
    }
  }

  /**
   * The refusal of an output that is taken ({@code problem}, e.g. "x already exists"): choose
   * another (the output setting when {@code byOutSetting}, else any path), or allow replacing it.
   */
  public static ConvcutException taken(String problem, boolean byOutSetting) {
    Object another = byOutSetting ? Words.term(Setting.OUT, "output path") : "path";
    return new ConvcutException(Words.of(problem + "; choose another ", another, " or pass ", Setting.FORCE, " to replace it"));
  }

  private static String where(Path existing, Path parent) {
    return existing.equals(parent) ? "" : "cannot create " + parent + " in " + existing + ": ";
  }
}
