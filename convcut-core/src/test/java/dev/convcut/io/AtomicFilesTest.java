package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void aFailedWriteNamesTheTargetOnceWithTheReasonNotTheTemporaryFile() {
    assertThatThrownBy(() -> AtomicFiles.writeString(Path.of("/proc/e.npz"), "x"))
        .hasMessage("could not write /proc/e.npz: /proc does not accept new files");
    assertThatThrownBy(() -> AtomicFiles.writeDirectory(Path.of("/sys/out"), false, dir -> { }))
        .hasMessageMatching("could not write /sys/out: (permission denied|operation not permitted|read-only file system)");
  }

  @Test
  void writtenFilesAndFoldersGetThePermissionsOfTheUmask() throws Exception {
    Path file = tmp.resolve("a.txt");
    AtomicFiles.writeString(file, "x");
    Path dir = tmp.resolve("ck");
    AtomicFiles.writeDirectory(dir, false, d -> Json.writeFile(d.resolve("run.json"), "{}"));
    String fileMode = PosixFilePermissions.toString(Umask.file());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(fileMode);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("run.json")))).isEqualTo(fileMode);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo(PosixFilePermissions.toString(Umask.folder()));
  }
}
