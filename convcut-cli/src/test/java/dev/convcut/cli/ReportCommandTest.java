package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path tmp;
  Path run;

  /** Three layers whose o|ihw sweep tolerates 10%, 20% and 30% norm loss, and one re-training run. */
  @BeforeEach
  void writeRun() throws IOException {
    run = tmp.resolve("run");
    StringBuilder sweep = new StringBuilder("layer,depth,cut,level,norm_loss,top1,delta_top1\n,,,baseline,,0.9,0\n");
    for (int d = 0; d < 3; d++) {
      sweep.append("conv").append(d).append(',').append(d).append(",o|ihw,keep0.5,").append(0.1 * (d + 1)).append(",0.9,0\n");
      sweep.append("conv").append(d).append(',').append(d).append(",o|ihw,rank1,").append(0.1 * (d + 1) + 0.3).append(",0.5,-40\n");
    }
    Files.createDirectories(run.resolve("sweep"));
    Files.writeString(run.resolve("sweep/sweep.csv"), sweep);
    Files.createDirectories(run.resolve("retrain"));
    Files.writeString(run.resolve("retrain/retrain.csv"),
        "run,epoch,top1,baseline_top1\ndense,0,0.8,0.9\ndense,1,0.898,0.9\n");
  }

  @Test
  void printsTheFindingsAndThePathOfThePage() {
    MainTest.Result r = MainTest.run("report", "--run", run.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path index = run.resolve("report/index.html").toAbsolutePath();
    assertThat(r.out()).isEqualTo("""
        Findings from the measured numbers (no accuracy loss = top-1 within 0.5 points of the baseline, 90.00%):
        - Deeper layers tolerate more norm loss: HELD. Spearman rho = +1.00 between depth and tolerable norm loss (best cut per layer) over 3 layers (one-sided permutation p = 0.167).
        - Norm can be lost without accuracy loss: HELD. 3 of 3 layers lost at least 5.0% of their kernel norm with top-1 within 0.5 points of the baseline; most: conv2, 30.0% (o|ihw keep0.5, +0.00 points).
        - Re-training recovers within a few epochs: HELD. dense: -10.00 -> -0.20 points, recovered at epoch 1 (a few = at most 3 epochs; tolerance 0.5 points).
        Report: INDEX
        """.replace("INDEX", index.toString()));
    assertThat(index).exists();
    assertThat(run.resolve("report/tolerance-heatmap.png")).exists();
  }

  @Test
  void theOptionsChangeTheCriteria() {
    MainTest.Result r = MainTest.run("report", "--run", run.toString(), "--out", tmp.resolve("strict").toString(),
        "--tolerance", "0", "--recover-epochs", "0", "--min-norm-loss", "0.5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("within 0 points").contains("Norm can be lost without accuracy loss: DID NOT HOLD")
        .contains("Re-training recovers within a few epochs: DID NOT HOLD")
        .contains("Report: " + tmp.resolve("strict/index.html").toAbsolutePath());
  }

  @Test
  void aBrokenFileFailsWithExitOneNamingFileLineAndColumn() throws IOException {
    Files.writeString(run.resolve("retrain/retrain.csv"), "run,epoch,top1,baseline_top1\ndense,zero,0.8,0.9\n");
    MainTest.Result r = MainTest.run("report", "--run", run.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("convcut report: " + run.resolve("retrain/retrain.csv")
        + ": line 2, column 'epoch' (#2): 'zero' is not an integer\n");
    assertThat(r.out()).isEmpty();
    assertThat(run.resolve("report")).doesNotExist();
  }

  @Test
  void aDirectoryWithoutStudyFilesFailsWithExitOne() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    MainTest.Result r = MainTest.run("report", "--run", empty.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no study files found; looked for spectrum.csv, singular_values.json, sweep.csv");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(MainTest.run("report").code()).isEqualTo(2);
    MainTest.Result missing = MainTest.run("report", "--run", tmp.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such directory").contains("Try 'convcut report --help'.");
    MainTest.Result negative = MainTest.run("report", "--run", run.toString(), "--tolerance", "-1");
    assertThat(negative.code()).isEqualTo(2);
    assertThat(negative.err()).contains("--tolerance must be a finite number of percentage points >= 0, got -1.0");
  }

  @Test
  void helpShowsAnExampleAndTheDefaults() {
    MainTest.Result r = MainTest.run("report", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("convcut report --run runs/demo").contains("(default: 0.5)").contains("(default: 3)")
        .contains("(default: 0.05 = 5%)");
    assertThat(MainTest.run("--help").out()).contains("report");
  }
}
