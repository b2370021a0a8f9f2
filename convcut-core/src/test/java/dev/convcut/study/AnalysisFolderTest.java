package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisFolderTest {
  @TempDir Path tmp;

  private Path folder(String runJsonCommand, boolean checkpoint) throws Exception {
    Path d = Files.createDirectories(tmp.resolve("out"));
    if (runJsonCommand != null) {
      Files.writeString(d.resolve("run.json"), "{\"command\": \"" + runJsonCommand + "\", \"arguments\": []}");
    }
    if (checkpoint) {
      Files.writeString(d.resolve("architecture.json"), "{}");
    }
    return d;
  }

  @Test
  void aNewOrEmptyFolderIsAccepted() throws Exception {
    assertThatCode(() -> AnalysisFolder.check(tmp.resolve("new"), "sweep", false)).doesNotThrowAnyException();
    assertThatCode(() -> AnalysisFolder.check(folder(null, false), "spectrum", false)).doesNotThrowAnyException();
  }

  @Test
  void aCheckpointIsRefusedEvenWhenForced() throws Exception {
    Path ck = folder("train", true);
    for (boolean force : new boolean[] {false, true}) {
      assertThatThrownBy(() -> AnalysisFolder.check(ck, "spectrum", force)).isInstanceOf(ConvcutException.class)
          .hasMessage(ck + " is a checkpoint (it holds architecture.json); the spectrum outputs and their run.json would overwrite"
              + " its record; choose another output path");
    }
  }

  @Test
  void anotherCommandsRunJsonIsRefusedUnlessForced() throws Exception {
    Path out = folder("spectrum", false);
    assertThatThrownBy(() -> AnalysisFolder.check(out, "retrain", false)).isInstanceOf(ConvcutException.class)
        .hasMessage(out + " holds the outputs of another command ('spectrum', in run.json); choose another output path, or pass"
            + " the force option to replace its run.json");
    assertThatCode(() -> AnalysisFolder.check(out, "retrain", true)).doesNotThrowAnyException();
  }

  @Test
  void theSameCommandMayReturnWhateverItsOptionsOrTheStudyThatRanIt() throws Exception {
    Path out = folder("sweep --global", false);
    assertThatCode(() -> AnalysisFolder.check(out, "sweep", false)).doesNotThrowAnyException();
    assertThat(AnalysisFolder.kind("study retrain")).isEqualTo("retrain");
    assertThat(AnalysisFolder.kind("demo sweep")).isEqualTo("sweep");
  }
}
