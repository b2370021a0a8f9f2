package dev.convcut.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  static final String HEADER = "layer,depth,shape,cut,level,rank,full_rank,kept_fraction,norm_loss,rel_error,discarded,"
      + "top1,top5,loss,delta_top1,dense_params,factorized_params,eval_samples\n";
  static final String BASELINE = ",,,,baseline,,,,,,,0.9,0.99,0.3,0,,,1000\n";

  @TempDir Path dir;

  @Test
  void readsTheBaselineRowApartFromTheTruncatedRows() {
    Path f = TestFiles.write(dir.resolve("sweep.csv"), HEADER + BASELINE
        + "features.0,0,16x1x3x3,o|ihw,keep0.5,5,9,0.5555555555555556,0.125,0.48,0.23,0.895,0.99,0.31,-0.5,144,130,1000\n");
    Sweep s = Sweep.read(f);
    assertThat(s.baseline()).isEqualTo(new Baseline(0.9, 0.99, 0.3, 1000));
    assertThat(s.points()).containsExactly(new SweepPoint("features.0", 0, "16x1x3x3", "o|ihw", "keep0.5", 5, 9,
        0.5555555555555556, 0.125, 0.895, -0.5, 144, 130));
  }

  @Test
  void optionalColumnsMayBeAbsentAndRequiredOnesMayNot() {
    Path ok = TestFiles.write(dir.resolve("a.csv"), "layer,depth,cut,level,norm_loss,top1,delta_top1\nf,0,o|ihw,rank1,0.5,0.5,-40\n");
    assertThat(Sweep.read(ok).points().get(0).rank()).isEqualTo(-1);
    assertThat(Sweep.read(ok).baseline()).isNull();
    Path bad = TestFiles.write(dir.resolve("b.csv"), "layer,depth,cut,level,top1,delta_top1\nf,0,o|ihw,rank1,0.5,-40\n");
    assertThatThrownBy(() -> Sweep.read(bad)).hasMessageContaining(bad + ": line 1: missing required column norm_loss");
  }

  @Test
  void aDeltaInFractionsRatherThanPointsIsCaughtAgainstTheBaseline() {
    Path f = TestFiles.write(dir.resolve("sweep.csv"), HEADER + BASELINE
        + "features.0,0,,o|ihw,keep0.5,5,9,,0.125,,,0.895,,,-0.005,,,\n");
    assertThatThrownBy(() -> Sweep.read(f)).isInstanceOf(ConvcutException.class)
        .hasMessageStartingWith(f + ": line 3, column 'delta_top1' (#15): -0.005 disagrees with 100 * (top1 - baseline top1)")
        .hasMessageContaining("percentage points");
  }

  @Test
  void anAccuracyWrittenAsAPercentageIsNamedAsSuch() {
    Path f = TestFiles.write(dir.resolve("sweep.csv"), HEADER + "features.0,0,,o|ihw,keep0.5,5,9,,0.125,,,89.5,,,-0.5,,,\n");
    assertThatThrownBy(() -> Sweep.read(f))
        .hasMessage(f + ": line 2: top1 must be a fraction in [0, 1], got 89.5 (a percentage? docs/formats.md asks for fractions)");
  }

  @Test
  void aLayerThatChangesDepthOrASecondBaselineIsAnError() {
    Path depth = TestFiles.write(dir.resolve("d.csv"), HEADER
        + "f,0,,o|ihw,keep0.5,5,9,,0.125,,,0.5,,,-40,,,\nf,1,,o|ihw,keep0.4,4,9,,0.2,,,0.5,,,-40,,,\n");
    assertThatThrownBy(() -> Sweep.read(depth)).hasMessage(depth + ": line 3, column 'depth' (#2): layer f has depth 1 here but 0 on line 2");
    Path twice = TestFiles.write(dir.resolve("t.csv"), HEADER + BASELINE + BASELINE);
    assertThatThrownBy(() -> Sweep.read(twice)).hasMessage(twice + ": line 3: a second baseline row");
  }

  @Test
  void aNormLossOutsideZeroToOneIsAnError() {
    Path f = TestFiles.write(dir.resolve("sweep.csv"), HEADER + "f,0,,o|ihw,keep0.5,5,9,,1.5,,,0.5,,,-40,,,\n");
    assertThatThrownBy(() -> Sweep.read(f)).hasMessage(f + ": line 2: norm_loss must be in [0, 1] (1 - |W'|/|W|), got 1.5");
  }
}
