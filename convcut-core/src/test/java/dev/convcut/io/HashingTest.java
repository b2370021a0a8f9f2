package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashingTest {
  @TempDir Path tmp;

  @Test
  void aMissingFileIsSaidToBeMissingNamingItOnce() {
    Path f = tmp.resolve("weights.safetensors");
    assertThatThrownBy(() -> Hashing.sha256(f)).hasMessage(f + ": missing");
  }
}
