package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.study.AppliedTruncation;
import dev.convcut.study.LayerKernels;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.Truncation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruncateCommandTest {
  @TempDir static Path shared;
  static Path data;
  static Path ck;
  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    data = TinyStudy.dataset(shared.resolve("fm"), 16, 40);
    ck = TinyStudy.checkpoint(shared.resolve("ck"), 5);
  }

  @Test
  void writesALoadableCheckpointWhoseWeightsAreTheTruncatedKernels() {
    Path out = tmp.resolve("t");
    MainTest.Result r = MainTest.run("truncate", "--checkpoint", ck.toString(), "--spec", "features.6:oi|hw=keep0.25,o|ihw=loss0.1;classifier.*:o|i=rank2",
        "--out", out.toString(), "--evaluate", "--data-dir", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("features.6").contains("oi|hw keep0.25: 3/9").contains("classifier.4").contains("top-1")
        .contains("Wrote " + out);
    AppliedTruncation a = AppliedTruncation.read(out);
    assertThat(a.layers()).extracting(AppliedTruncation.LayerRecord::layer).containsExactly("features.6", "classifier.1", "classifier.4");
    assertThat(a.evaluation().baseline().images()).isEqualTo(40);
    assertThat(out.resolve("run.json")).exists();
    try (NDManager m = NDManager.newBaseManager(); Checkpoint original = Checkpoints.load(ck, m); Checkpoint cut = Checkpoints.load(out, m)) {
      Kernel w = LayerKernels.kernel(original.network(), "classifier.4");
      Kernel expected = Truncation.of(Cut.O_I, new Level.Rank(2)).apply(w).truncated();
      assertThat(cut.network().weight("classifier.4")).containsExactly(expected.toFloatArray());
      assertThat(cut.network().weight("features.0")).containsExactly(original.network().weight("features.0"));
    }
  }

  @Test
  void aBadSpecIsRefusedBeforeAnyWorkListingTheValidChoices() {
    Path out = tmp.resolve("t");
    MainTest.Result r = MainTest.run("truncate", "--checkpoint", ck.toString(), "--spec", "features.7:o|ihw=rank1;features.0:oi|hw=rank99",
        "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no layer 'features.7'; valid layers: features.0, features.2, features.6, features.8, classifier.1, classifier.4")
        .contains("layer features.0 cut oi|hw: rank 99 is out of range; valid ranks are 1..9");
    assertThat(Files.exists(out)).isFalse();
    assertThat(List.of(MainTest.run("truncate", "--checkpoint", ck.toString(), "--spec", "features.0", "--out", out.toString()).code()))
        .containsExactly(2);
  }
}
