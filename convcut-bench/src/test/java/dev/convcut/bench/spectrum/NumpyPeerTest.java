package dev.convcut.bench.spectrum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumpyPeerTest {
  @Test
  void aFolderWithoutTheScriptIsReportedWithTheOptionToFixIt(@TempDir Path dir) {
    NumpyPeer.Availability a = NumpyPeer.locate(Path.of("/usr/bin/python3"), dir);
    assertThat(a.get()).isEmpty();
    assertThat(a.whyNot()).isEqualTo("no numpy_cuts.py in " + dir + " (pass --peer DIR)");
  }

  @Test
  void aMissingPythonIsReported(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(NumpyPeer.SCRIPT), "print('{}')\n");
    NumpyPeer.Availability a = NumpyPeer.locate(dir.resolve("no-python"), dir);
    assertThat(a.get()).isEmpty();
    assertThat(a.whyNot()).contains("no-python is not there");
  }

  @Test
  void aPythonWithoutNumpyIsReported(@TempDir Path dir) throws IOException {
    // A stand-in interpreter that fails the way python3 does when numpy is missing.
    Path fake = dir.resolve("python");
    Files.writeString(fake, "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'numpy'\"\nexit 1\n");
    assertThat(fake.toFile().setExecutable(true)).isTrue();
    Files.writeString(dir.resolve(NumpyPeer.SCRIPT), "");
    NumpyPeer.Availability a = NumpyPeer.locate(fake, dir);
    assertThat(a.get()).isEmpty();
    assertThat(a.whyNot()).contains("has no numpy").contains("No module named 'numpy'");
  }
}
