package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetStatsTest {

  @Test
  void computesPerChannelMeanAndPopulationStdInUnitRange() {
    // Two 1x2 RGB images: red 0 and 255, green all 51, blue 255 and 255 / 0 and 0.
    byte[] pixels = {0, (byte) 255, 51, 51, (byte) 255, (byte) 255, (byte) 255, 0, 51, 51, 0, 0};
    ImageSet set = new ImageSet("t", "train", 3, 1, 2, List.of("a", "b", "c"), pixels, new int[] {2, 2});
    DatasetStats stats = DatasetStats.of(set);
    assertThat(stats.mean().get(0)).isCloseTo(0.5, within(1e-12));
    assertThat(stats.std().get(0)).isCloseTo(0.5, within(1e-12));
    assertThat(stats.mean().get(1)).isCloseTo(0.2, within(1e-12));
    assertThat(stats.std().get(1)).isCloseTo(0.0, within(1e-12));
    assertThat(stats.mean().get(2)).isCloseTo(0.5, within(1e-12));
    assertThat(stats.labelCounts()).containsExactly(0, 0, 2);
    assertThat(stats.count()).isEqualTo(2);
  }

  @Test
  void agreesWithADirectComputationOnAGeneratedSet() {
    ImageSet set = BatchAssemblerTest.images(50, 3, 8);
    DatasetStats stats = DatasetStats.of(set);
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      double squares = 0;
      int n = 0;
      for (int i = 0; i < 50; i++) {
        for (int k = c * 64; k < (c + 1) * 64; k++) {
          double v = (set.pixels()[i * 192 + k] & 0xff) / 255.0;
          sum += v;
          squares += v * v;
          n++;
        }
      }
      double mean = sum / n;
      assertThat(stats.mean().get(c)).isCloseTo(mean, within(1e-12));
      assertThat(stats.std().get(c)).isCloseTo(Math.sqrt(squares / n - mean * mean), within(1e-9));
    }
    assertThat(stats.labelCounts()).containsExactly(5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
  }
}
