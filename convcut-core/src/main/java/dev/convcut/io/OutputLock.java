package dev.convcut.io;

import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * One writer per output folder: an operating-system lock on {@code .NAME.lock} beside the folder
 * {@code NAME}, held for a whole run and released by the system when the process ends, however it
 * ends, so a killed run never leaves a stale lock. A second run is refused with the holder's PID.
 *
 * <p>The lock file sits beside the folder, not in it, because checkpoint folders are replaced
 * whole by a rename ({@link AtomicFiles#writeDirectory}), which would take a lock file inside with
 * them. It is left in place when the run ends: deleting it would let a run that opened the old file
 * and one that created a new file each hold "the" lock. Its content (the last holder's PID) means
 * nothing unless the file is locked. Within one process the lock is re-entrant for the thread that
 * holds it, so a study may lock its folder and call steps that lock it again.
 */
public final class OutputLock implements AutoCloseable {
  private static final Map<Path, OutputLock> HELD = new HashMap<>();
  private final Path folder;
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Thread owner = Thread.currentThread();
  private int depth = 1;

  private OutputLock(Path folder, Path file, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code folder} (which need not exist yet) for this run, then removes the leftovers of
   * runs that were killed there ({@link Leftovers}).
   *
   * @throws ConvcutException naming the folder and the holder's PID if another run holds it, or
   *     naming the reason if the folder cannot be written ({@link OutputPlace#check})
   */
  public static OutputLock acquire(Path folder) {
    OutputPlace.check(folder);
    OutputLock held = tryAcquire(folder);
    if (held == null) {
      throw new ConvcutException(Words.of(folder + " is being written by another convcut run (" + holder(folder)
          + "); wait for it or choose another ", Words.term(Setting.OUT, "output path")));
    }
    if (held.depth == 1) {
      Leftovers.remove(held.folder);
    }
    return held;
  }

  /** Locks {@code folder} if no other run holds it; null if one does. Removes no leftovers. */
  static OutputLock tryAcquire(Path folder) {
    Path file = lockFile(folder);
    synchronized (HELD) {
      OutputLock mine = HELD.get(file);
      if (mine != null) {
        if (mine.owner != Thread.currentThread()) {
          return null;
        }
        mine.depth++;
        return mine;
      }
      FileChannel ch = null;
      try {
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          ch.close();
          return null;
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        OutputLock l = new OutputLock(folder.toAbsolutePath().normalize(), file, ch, lock);
        HELD.put(file, l);
        return l;
      } catch (IOException e) {
        closeQuietly(ch);
        throw new ConvcutException("could not lock " + folder + " (" + file + "): " + IoReason.of(e, file), e);
      }
    }
  }

  /** The lock file of {@code folder}: {@code .NAME.lock} in its (real) parent, which is created if missing. */
  public static Path lockFile(Path folder) {
    Path abs = folder.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null || abs.getFileName() == null) {
      throw new ConvcutException(folder + ": a file system root cannot be an output folder");
    }
    try {
      Files.createDirectories(parent);
      return parent.toRealPath().resolve("." + abs.getFileName() + ".lock");
    } catch (IOException e) {
      throw new ConvcutException("could not create " + parent + ": " + IoReason.of(e, parent), e);
    }
  }

  /** Who holds {@code folder}'s lock, as well as its lock file tells. */
  private static String holder(Path folder) {
    Path file = lockFile(folder);
    synchronized (HELD) {
      if (HELD.containsKey(file)) {
        return "in this process, pid " + ProcessHandle.current().pid();
      }
    }
    try {
      String pid = Files.readString(file, StandardCharsets.UTF_8).trim();
      return pid.isEmpty() ? "pid not yet recorded" : "pid " + pid;
    } catch (IOException e) {
      return "pid unknown";
    }
  }

  public Path folder() {
    return folder;
  }

  /** Releases the lock (after the last of nested acquisitions in this thread). */
  @Override
  public void close() {
    synchronized (HELD) {
      if (--depth > 0) {
        return;
      }
      HELD.remove(file);
      try {
        lock.release();
      } catch (IOException e) {
        // Closing the channel below releases it too.
      } finally {
        closeQuietly(channel);
      }
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch == null) {
      return;
    }
    try {
      ch.close();
    } catch (IOException ignored) {
      // The process's end releases whatever is left.
    }
  }
}
