package dev.convcut.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainEpochTest {
  @TempDir Path dir;

  @Test
  void computesDeltaTop1WhenTheColumnIsEmptyOrAbsent() {
    Path f = TestFiles.write(dir.resolve("retrain.csv"), "run,epoch,top1,baseline_top1\ndense,0,0.8,0.9\n");
    RetrainEpoch e = RetrainEpoch.read(f).get(0);
    assertThat(e.deltaTop1()).isCloseTo(-10.0, within(1e-9));
    assertThat(e.trainLoss()).isNaN();
  }

  @Test
  void aDeltaThatDisagreesWithTop1AndTheBaselineIsAnError() {
    Path f = TestFiles.write(dir.resolve("retrain.csv"), "run,epoch,top1,baseline_top1,delta_top1\ndense,0,0.8,0.9,-0.1\n");
    assertThatThrownBy(() -> RetrainEpoch.read(f)).hasMessageStartingWith(f + ": line 2, column 'delta_top1' (#5): -0.1 disagrees");
  }

  @Test
  void anEpochTwiceInOneRunIsAnError() {
    Path f = TestFiles.write(dir.resolve("retrain.csv"), "run,epoch,top1,baseline_top1\ndense,0,0.8,0.9\nprojected,0,0.8,0.9\ndense,0,0.8,0.9\n");
    assertThatThrownBy(() -> RetrainEpoch.read(f)).hasMessage(f + ": line 4: run 'dense' has epoch 0 twice");
  }

  @Test
  void aNegativeEpochIsAnError() {
    Path f = TestFiles.write(dir.resolve("retrain.csv"), "run,epoch,top1,baseline_top1\ndense,-1,0.8,0.9\n");
    assertThatThrownBy(() -> RetrainEpoch.read(f)).hasMessage(f + ": line 2: epoch must be at least 0, got -1");
  }
}
