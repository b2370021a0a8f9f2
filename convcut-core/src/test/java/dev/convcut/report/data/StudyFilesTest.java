package dev.convcut.report.data;

import dev.convcut.Marked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import dev.convcut.InvalidRequestException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyFilesTest {
  @TempDir Path dir;

  @Test
  void findsFilesInTheDirectoryOrOneLevelDownAndRunJsonOnlyAtTheTop() {
    TestFiles.write(dir.resolve("sweep/sweep.csv"), "x");
    TestFiles.write(dir.resolve("retrain.csv"), "x");
    TestFiles.write(dir.resolve("sweep/run.json"), "{}");
    TestFiles.write(dir.resolve("a/b/global.csv"), "x");
    StudyFiles f = StudyFiles.locate(dir);
    assertThat(f.get(StudyFiles.SWEEP)).isEqualTo(dir.resolve("sweep/sweep.csv"));
    assertThat(f.get(StudyFiles.RETRAIN)).isEqualTo(dir.resolve("retrain.csv"));
    assertThat(f.get(StudyFiles.GLOBAL)).as("two levels down is too deep").isNull();
    assertThat(f.get(StudyFiles.RUN_JSON)).isNull();
    assertThat(f.missing()).isEqualTo(List.of(StudyFiles.SPECTRUM, StudyFiles.SINGULAR_VALUES, StudyFiles.GLOBAL));
  }

  @Test
  void aFileDirectlyInTheDirectoryWinsOverOnesBelow() {
    TestFiles.write(dir.resolve("sweep.csv"), "x");
    TestFiles.write(dir.resolve("a/sweep.csv"), "x");
    TestFiles.write(dir.resolve("b/sweep.csv"), "x");
    assertThat(StudyFiles.locate(dir).get(StudyFiles.SWEEP)).isEqualTo(dir.resolve("sweep.csv"));
  }

  @Test
  void theSameFileInTwoSubdirectoriesIsAmbiguous() {
    TestFiles.write(dir.resolve("a/sweep.csv"), "x");
    TestFiles.write(dir.resolve("b/sweep.csv"), "x");
    assertThatThrownBy(() -> StudyFiles.locate(dir)).isInstanceOf(ConvcutException.class)
        .hasMessageContaining("sweep.csv is in more than one sub-directory");
  }

  @Test
  void aDirectoryWithNoStudyFilesIsAnErrorListingWhatWasLookedFor() {
    TestFiles.write(dir.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> StudyFiles.locate(dir)).isInstanceOf(ConvcutException.class)
        .hasMessage(dir + ": no study files found; looked for spectrum.csv, singular_values.json, sweep.csv, global.csv, "
            + "retrain.csv in the directory and one level down (see docs/formats.md)");
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    assertThatThrownBy(() -> StudyFiles.locate(dir.resolve("nope"))).isInstanceOf(InvalidRequestException.class)
        .hasMessage("the run folder " + dir.resolve("nope") + ": no such directory")
        .satisfies(e -> assertThat(Marked.of(e)).startsWith("<RUN> "));
  }
}
