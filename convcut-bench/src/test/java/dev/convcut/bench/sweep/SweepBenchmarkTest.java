package dev.convcut.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.engine.Torch;
import dev.convcut.model.ModelSpec;
import dev.convcut.study.Grid;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepBenchmarkTest {
  static final ModelSpec TINY = new ModelSpec("cnn4", 1, 8, 3);
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    Torch.configure(2);
  }

  @Test
  void theNaiveAndTheSweepScoreEveryRowTheSameAndBothAreTimed() {
    SweepBenchmark.Comparison c = SweepBenchmark.compare(TINY, List.of("features.2", "features.8"), Grid.parse("o|ihw,oi|hw", "keep1.0,keep0.5,rank1"),
        12, 6, 1);
    assertThat(c.rows()).isEqualTo(2 * 2 * 3);
    assertThat(c.rowsPerLayer()).containsEntry("features.2", 6).containsEntry("features.8", 6);
    assertThat(c.evaluations()).isEqualTo(2 * 2 * 2);
    assertThat(c.maxTop1Difference()).isZero();
    assertThat(c.naiveSeconds()).isPositive();
    assertThat(c.ratio()).isEqualTo(c.sweepSeconds() / c.naiveSeconds());
  }

  @Test
  void theMemoryRunSweepsEveryRankAndSamplesTheResidentSet() {
    SweepBenchmark.Memory m = SweepBenchmark.memory(TINY, 2, 4, 4, 1, tmp, 50, 2);
    // features.0 (32x1x3x3) has 3 distinct matricizations, the others 7 cuts; rank1 is below full rank on every one.
    assertThat(m.evaluations()).isGreaterThan(20);
    assertThat(m.rows()).isEqualTo(1 + 2 * (6 + 7 + 7 + 7));
    assertThat(m.startMib()).isPositive();
    assertThat(m.afterEachPassMib()).hasSize(2).allMatch(v -> v > 0);
  }
}
