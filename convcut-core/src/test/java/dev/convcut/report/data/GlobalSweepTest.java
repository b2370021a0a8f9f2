package dev.convcut.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalSweepTest {
  static final String HEADER = "cut,level,layers,norm_loss_mean,norm_loss_max,top1,top5,loss,delta_top1,dense_params,"
      + "factorized_params,eval_samples,extra\n";

  @TempDir Path dir;

  @Test
  void readsLevelsAndTheBaseline() {
    Path f = TestFiles.write(dir.resolve("global.csv"), HEADER + ",baseline,,,,0.9,0.99,0.3,0,,,1000,z\n"
        + "o|ihw,keep0.5,4,0.2,0.35,0.85,0.98,0.5,-5,60000,31000,1000,z\n");
    GlobalSweep g = GlobalSweep.read(f);
    assertThat(g.baseline().top1()).isEqualTo(0.9);
    assertThat(g.points()).containsExactly(new GlobalPoint("o|ihw", "keep0.5", 4, 0.2, 0.35, 0.85, -5, 60000, 31000));
  }

  @Test
  void aMissingMeanNormLossIsAnErrorNamingTheColumn() {
    Path f = TestFiles.write(dir.resolve("global.csv"), HEADER + "o|ihw,keep0.5,4,,0.35,0.85,0.98,0.5,-5,,,1000,\n");
    assertThatThrownBy(() -> GlobalSweep.read(f)).hasMessage(f + ": line 2, column 'norm_loss_mean' (#4): a value is required here");
  }
}
