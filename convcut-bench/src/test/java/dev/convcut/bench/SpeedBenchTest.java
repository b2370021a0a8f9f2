package dev.convcut.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.model.ModelSpec;
import org.junit.jupiter.api.Test;

class SpeedBenchTest {
  @Test
  void measuresPositiveThroughputAndTheEvaluationFlopRate() {
    SpeedResult r = SpeedBench.run(new ModelSpec("cnn4", 1, 8, 3), 4, 2, 1, 2);
    assertThat(r.model()).isEqualTo("cnn4");
    assertThat(r.trainImagesPerSecond()).isPositive();
    assertThat(r.evalImagesPerSecond()).isPositive();
    // cnn4 on 1x8x8 with 3 classes: 1,625,600 multiply-adds per image, 198,115 parameters.
    assertThat(r.evalGflops()).isCloseTo(2 * 1_625_600 * r.evalImagesPerSecond() / 1e9, within(0.1));
    assertThat(r.params()).isEqualTo(198_115);
  }
}
