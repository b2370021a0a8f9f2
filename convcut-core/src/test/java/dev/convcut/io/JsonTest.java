package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JsonTest {
  record WithPath(Path file) {}

  @Test
  void writesPathsAsPlainPathsAndReadsThemBack() throws Exception {
    String text = Json.write(new WithPath(Path.of("/data/cifar10/test_batch.bin")));
    assertThat(text).contains("\"file\" : \"/data/cifar10/test_batch.bin\"");
    assertThat(Json.mapper().readValue(text, WithPath.class).file()).isEqualTo(Path.of("/data/cifar10/test_batch.bin"));
  }
}
