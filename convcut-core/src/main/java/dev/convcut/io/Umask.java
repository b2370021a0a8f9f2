package dev.convcut.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permissions a file or folder gets from this process's umask. Java's temporary files and
 * folders are created private (0600, 0700) whatever the umask; outputs written through them are
 * given these permissions before they are renamed into place, as if created directly.
 */
public final class Umask {
  /** The umask when the system does not say (Linux's usual default). */
  static final int DEFAULT = 0022;
  private static final int UMASK = read();

  private Umask() {}

  /** This process's umask, read once from {@code /proc/self/status}. */
  public static int current() {
    return UMASK;
  }

  /** Permissions of a new file: 0666 less the umask. */
  public static Set<PosixFilePermission> file() {
    return permissions(0666 & ~UMASK);
  }

  /** Permissions of a new folder: 0777 less the umask. */
  public static Set<PosixFilePermission> folder() {
    return permissions(0777 & ~UMASK);
  }

  /** Gives {@code path} the permissions the umask gives a new file or folder; nothing on non-POSIX systems. */
  public static void apply(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, Files.isDirectory(path) ? folder() : file());
    } catch (UnsupportedOperationException notPosix) {
      // Windows: no modes to set; its temporary files are not private either.
    }
  }

  /** The umask in a {@code /proc/PID/status} text, or {@link #DEFAULT} if it names none. */
  static int parse(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("Umask:")) {
        try {
          return Integer.parseInt(line.substring("Umask:".length()).trim(), 8) & 0777;
        } catch (NumberFormatException e) {
          return DEFAULT;
        }
      }
    }
    return DEFAULT;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        set.add(order[i]);
      }
    }
    return set;
  }

  private static int read() {
    try {
      return parse(Files.readString(Path.of("/proc/self/status"), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return DEFAULT;
    }
  }
}
