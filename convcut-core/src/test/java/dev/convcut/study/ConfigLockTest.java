package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLockTest {
  @TempDir Path tmp;

  record Config(String model, List<String> levels, long seed) {}

  @Test
  void theFirstRunRecordsTheConfigurationAndTheSameOneResumes() {
    assertThat(ConfigLock.acquire(tmp, "sweep", new Config("cnn4", List.of("keep0.5"), 7))).isFalse();
    assertThat(tmp.resolve("sweep.config.json")).exists();
    assertThat(ConfigLock.acquire(tmp, "sweep", new Config("cnn4", List.of("keep0.5"), 7))).isTrue();
    assertThat(ConfigLock.acquire(tmp, "sweep", Map.of("model", "cnn4", "levels", List.of("keep0.5"), "seed", 7))).isTrue();
  }

  @Test
  void aDifferentConfigurationIsRefusedNamingWhatDiffers() {
    ConfigLock.acquire(tmp, "sweep", new Config("cnn4", List.of("keep0.5"), 7));
    assertThatThrownBy(() -> ConfigLock.acquire(tmp, "sweep", new Config("cnn4", List.of("keep0.5", "rank1"), 8)))
        .isInstanceOf(ConvcutException.class)
        .hasMessageContaining("levels was [\"keep0.5\"], now [\"keep0.5\",\"rank1\"]")
        .hasMessageContaining("seed was 7, now 8")
        .hasMessageNotContaining("model");
  }
}
