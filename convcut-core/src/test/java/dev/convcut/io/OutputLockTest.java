package dev.convcut.io;

import dev.convcut.Marked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
  @TempDir Path tmp;

  /** Starts a JVM that locks {@code folder} and returns once it holds the lock. */
  static Process holder(Path folder) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
        folder.toString()).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (java.io.IOException e) {
        return null;
      }
    }).get(60, TimeUnit.SECONDS);
    assertThat(line).as("the holder's first line").startsWith("locked ");
    return p;
  }

  /** Whether another thread could lock {@code folder} now (it releases the lock at once). */
  static boolean freeForAnotherThread(Path folder) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try (OutputLock l = OutputLock.tryAcquire(folder)) {
        return l != null;
      }
    }).get(30, TimeUnit.SECONDS);
  }

  @Test
  void aSecondRunIsRefusedNamingTheFolderAndTheHoldersPidAndAKilledHolderLeavesNoStaleLock() throws Exception {
    Path folder = tmp.resolve("runs/x");
    Process p = holder(folder);
    try {
      assertThatThrownBy(() -> OutputLock.acquire(folder)).isInstanceOf(ConvcutException.class)
          .hasMessage(folder + " is being written by another convcut run (pid " + p.pid() + "); wait for it or choose another output path")
          .satisfies(e -> assertThat(Marked.of(e)).endsWith("choose another <OUT>"));
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (OutputLock lock = OutputLock.acquire(folder)) {
      assertThat(lock.folder()).isEqualTo(folder.toAbsolutePath());
      assertThat(Files.readString(OutputLock.lockFile(folder)).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void theLockFileSitsBesideTheFolderSoReplacingTheFolderKeepsTheLock() throws Exception {
    Path folder = tmp.resolve("ck");
    try (OutputLock lock = OutputLock.acquire(folder)) {
      AtomicFiles.writeDirectory(folder, true, d -> Files.writeString(d.resolve("a"), "1"));
      AtomicFiles.writeDirectory(folder, true, d -> Files.writeString(d.resolve("a"), "2"));
      assertThat(OutputLock.lockFile(folder)).isEqualTo(tmp.toRealPath().resolve(".ck.lock"));
      assertThat(freeForAnotherThread(folder)).isFalse();
    }
    assertThat(freeForAnotherThread(folder)).isTrue();
  }

  @Test
  void anotherThreadIsRefusedWhileTheHoldingThreadMayLockAgain() throws Exception {
    Path folder = tmp.resolve("s");
    try (OutputLock outer = OutputLock.acquire(folder)) {
      try (OutputLock inner = OutputLock.acquire(folder.resolve("../s"))) {
        assertThat(inner).isSameAs(outer);
      }
      assertThat(freeForAnotherThread(folder)).as("still held after the inner release").isFalse();
      Throwable t = CompletableFuture.supplyAsync(() -> {
        try {
          OutputLock.acquire(folder).close();
          return null;
        } catch (ConvcutException e) {
          return e;
        }
      }).get(30, TimeUnit.SECONDS);
      assertThat(t).hasMessageContaining("is being written by another convcut run (in this process, pid "
          + ProcessHandle.current().pid() + ")");
    }
    assertThat(freeForAnotherThread(folder)).isTrue();
  }
}
