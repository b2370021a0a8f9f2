package dev.convcut.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {
  @TempDir Path dir;

  @Test
  void findsModelAndDatasetWhereverTheCommandNestedThem() {
    Path f = TestFiles.write(dir.resolve("run.json"), """
        {"command": "demo", "arguments": ["--out", "runs/demo"],
         "configuration": {"train": {"model": {"name": "cnn4", "width": 32}}, "data": {"dataset": "fashion-mnist"}},
         "code": {"gitCommit": "abc", "gitDirty": true, "convcutVersion": "0.1.0"}, "started": "2025-01-01T00:00:00Z"}
        """);
    RunSummary s = RunSummary.read(f);
    assertThat(s.model()).isEqualTo("cnn4");
    assertThat(s.dataset()).isEqualTo("fashion-mnist");
    assertThat(s.gitCommit()).isEqualTo("abc");
    assertThat(s.gitDirty()).isTrue();
    assertThat(s.finished()).isNull();
    assertThat(s.commandLine()).isEqualTo("convcut demo --out runs/demo");
  }

  @Test
  void theCommandLineDoesNotRepeatACommandRecordedAsTheFirstArgument() {
    RunSummary s = new RunSummary("sweep", List.of("sweep", "--model", "m"), null, null, null, null, null, null, null);
    assertThat(s.commandLine()).isEqualTo("convcut sweep --model m");
  }
}
