package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {
  @TempDir Path tmp;

  private Path dir(String name) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(name));
    Files.writeString(d.resolve("weights.safetensors"), "half");
    return d;
  }

  @Test
  void aKilledRunsPartialFolderAndTemporaryFilesAreRemovedWhenTheFolderIsLockedAgain() throws Exception {
    Path out = dir("ck");
    Path partial = dir(".ck.partial-123");
    Path old = dir(".ck.old-456");
    Path inner = Files.createDirectories(out.resolve(".model.partial-789"));
    Path tmpFile = Files.writeString(out.resolve(".run.json12345.tmp"), "{");
    try (OutputLock lock = OutputLock.acquire(out)) {
      assertThat(partial).doesNotExist();
      assertThat(old).doesNotExist();
      assertThat(inner).doesNotExist();
      assertThat(tmpFile).doesNotExist();
      assertThat(out.resolve("weights.safetensors")).exists();
    }
  }

  @Test
  void leftoversOfOtherFoldersBesideItAreLeftAlone() throws Exception {
    Path partial = dir(".other.partial-1");
    Path prefix = dir(".ck2.partial-1");
    try (OutputLock lock = OutputLock.acquire(tmp.resolve("ck"))) {
      assertThat(partial).exists();
      assertThat(prefix).exists();
    }
  }

  @Test
  void theOldCopyIsKeptWhileTheFolderItselfIsMissingAsItIsThenTheOnlyCopy() throws Exception {
    Path old = dir(".ck.old-456");
    try (OutputLock lock = OutputLock.acquire(tmp.resolve("ck"))) {
      assertThat(old.resolve("weights.safetensors")).exists();
    }
  }

  @Test
  void aPartialInsideWhoseFolderAnotherRunHoldsIsKept() throws Exception {
    Path out = dir("study");
    Path model = out.resolve("model");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread other = new Thread(() -> {
      try (OutputLock lock = OutputLock.acquire(model)) {
        held.countDown();
        done.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    other.start();
    assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
    Path partial = Files.createDirectories(out.resolve(".model.partial-1"));
    try (OutputLock lock = OutputLock.acquire(out)) {
      assertThat(partial).as("being written by the other run").exists();
    } finally {
      done.countDown();
      other.join();
    }
    try (OutputLock lock = OutputLock.acquire(out)) {
      assertThat(partial).as("no longer held").doesNotExist();
    }
  }
}
