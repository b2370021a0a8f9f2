package dev.convcut.io;

import java.nio.file.Path;

/** A separate process for {@link OutputLockTest}: locks the folder given as its argument, says so, and waits to be killed. */
final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws InterruptedException {
    try (OutputLock lock = OutputLock.acquire(Path.of(args[0]))) {
      System.out.println("locked " + lock.folder());
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
