package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLocationsTest {

  @Test
  void downloadsGoUnderConvcutDataWhenSetElseIntoTheCache() {
    assertThat(new DataLocations(Path.of("/env"), Path.of("/cache"), List.of(), null).downloadFolder("mnist"))
        .isEqualTo(Path.of("/env/mnist"));
    assertThat(new DataLocations(null, Path.of("/cache"), List.of(), null).downloadFolder("mnist"))
        .isEqualTo(Path.of("/cache/mnist"));
  }

  @Test
  void theEnvironmentDefaultsToTheUsersCacheAndDebiansDatasetFolder() {
    DataLocations where = DataLocations.fromEnvironment();
    assertThat(where.cacheRoot()).isEqualTo(Path.of(System.getProperty("user.home"), ".convcut", "datasets"));
    assertThat(where.systemRoots()).containsExactly(Path.of("/usr/share/datasets"));
  }
}
