package dev.convcut.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes what killed runs leave behind around an output folder {@code NAME} whose {@link
 * OutputLock} this process holds: the half-built {@code .NAME.partial-*} beside it, and in it the
 * {@code .X.partial-*} folders of whose owner {@code X} no live run holds the lock, and temporary
 * {@code .*.tmp} files of {@link AtomicFiles#write}. A replaced folder's previous content ({@code
 * .NAME.old-*}) is removed only where {@code NAME} itself exists, as it is otherwise the only copy.
 */
final class Leftovers {
  private static final String PARTIAL = ".partial-";
  private static final String OLD = ".old-";

  private Leftovers() {}

  /** Removes the leftovers of {@code folder} (absolute, normalized, locked by this thread). */
  static void remove(Path folder) {
    String name = folder.getFileName().toString();
    for (Path p : list(folder.getParent())) {
      if (name.equals(owner(p))) {
        removeIfStale(p, folder);
      }
    }
    if (!Files.isDirectory(folder)) {
      return;
    }
    for (Path p : list(folder)) {
      String owner = owner(p);
      String file = p.getFileName().toString();
      if (owner != null) {
        try (OutputLock lock = OutputLock.tryAcquire(folder.resolve(owner))) {
          if (lock != null) {
            removeIfStale(p, folder.resolve(owner));
          }
        }
      } else if (file.startsWith(".") && file.endsWith(".tmp") && Files.isRegularFile(p)) {
        AtomicFiles.deleteRecursively(p);
      }
    }
  }

  private static void removeIfStale(Path leftover, Path owner) {
    if (leftover.getFileName().toString().contains(PARTIAL) || Files.exists(owner)) {
      AtomicFiles.deleteRecursively(leftover);
    }
  }

  /** {@code X} for a folder named {@code .X.partial-*} or {@code .X.old-*}; null for anything else. */
  static String owner(Path p) {
    String f = p.getFileName().toString();
    if (!f.startsWith(".") || !Files.isDirectory(p)) {
      return null;
    }
    for (String mark : new String[] {PARTIAL, OLD}) {
      int at = f.lastIndexOf(mark);
      if (at > 1) {
        return f.substring(1, at);
      }
    }
    return null;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
