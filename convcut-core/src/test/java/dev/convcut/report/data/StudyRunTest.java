package dev.convcut.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.report.SyntheticRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyRunTest {
  @TempDir Path dir;

  @Test
  void loadsEveryFileOfARun() {
    StudyRun run = StudyRun.load(SyntheticRun.write(dir, SyntheticRun.DEEPER_TOLERATE_MORE));
    assertThat(run.provenance().model()).isEqualTo("cnn4");
    assertThat(run.spectrum()).isNotEmpty();
    assertThat(run.singularValues()).hasSize(4);
    assertThat(run.sweep().points()).isNotEmpty();
    assertThat(run.global().points()).hasSize(10);
    assertThat(run.retrain()).hasSize(8);
    assertThat(run.baseline().top1()).isEqualTo(0.9123);
  }

  @Test
  void partsWhoseFilesAreMissingAreNullAndTheBaselineComesFromTheGlobalTruncation() throws Exception {
    SyntheticRun.write(dir, SyntheticRun.DEEPER_TOLERATE_MORE);
    java.nio.file.Files.delete(dir.resolve("sweep/sweep.csv"));
    java.nio.file.Files.delete(dir.resolve("run.json"));
    StudyRun run = StudyRun.load(dir);
    assertThat(run.sweep()).isNull();
    assertThat(run.provenance()).isNull();
    assertThat(run.baseline()).isEqualTo(run.global().baseline());
  }
}
