package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.io.CsvTable;
import dev.convcut.report.data.RetrainEpoch;
import dev.convcut.study.LayerKernels;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.CutSvd;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainCommandTest {
  @TempDir static Path shared;
  static Path data;
  static Path truncated;

  @BeforeAll
  static void setUp() {
    data = TinyStudy.dataset(shared.resolve("fm"), 96, 40);
    Path ck = TinyStudy.checkpoint(shared.resolve("ck"), 6);
    truncated = shared.resolve("t");
    MainTest.Result r = MainTest.run("truncate", "--checkpoint", ck.toString(), "--spec", "features.8:o|ihw=rank2", "--out",
        truncated.toString(), "--evaluate", "--data-dir", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void denseAndProjectedCurvesShareRetrainCsvAndProjectionKeepsTheRanks() {
    Path out = shared.resolve("r");
    MainTest.Result dense = MainTest.run("retrain", "--checkpoint", truncated.toString(), "--epochs", "2", "--out", out.toString(),
        "--data-dir", data.toString(), "--train-batch", "32");
    assertThat(dense.code()).as(dense.err()).isZero();
    assertThat(dense.out()).contains("dense re-training").contains("truncation.json (same 40 images)").contains("epoch 2:")
        .contains("epochs_to_recover");
    MainTest.Result projected = MainTest.run("retrain", "--checkpoint", truncated.toString(), "--epochs", "1", "--projected", "--out",
        out.toString(), "--data-dir", data.toString(), "--train-batch", "32");
    assertThat(projected.code()).as(projected.err()).isZero();
    List<RetrainEpoch> rows = RetrainEpoch.read(out.resolve("retrain.csv"));
    assertThat(rows).extracting(e -> e.run() + "@" + e.epoch()).containsExactly("dense@0", "dense@1", "dense@2", "projected@0", "projected@1");
    assertThat(rows.get(0).top1()).isEqualTo(rows.get(3).top1());
    try (NDManager m = NDManager.newBaseManager(); Checkpoint p = Checkpoints.load(out.resolve("projected"), m);
        Checkpoint d = Checkpoints.load(out.resolve("dense"), m)) {
      CutSpectrum kept = CutSvd.of(LayerKernels.kernel(p.network(), "features.8"), Cut.O_IHW).spectrum();
      assertThat(kept.value(2) / kept.value(0)).isLessThan(1e-5);
      CutSpectrum free = CutSvd.of(LayerKernels.kernel(d.network(), "features.8"), Cut.O_IHW).spectrum();
      assertThat(free.value(2) / free.value(0)).isGreaterThan(1e-3);
    }
    // The same command again finds its curve complete and trains nothing.
    MainTest.Result again = MainTest.run("retrain", "--checkpoint", truncated.toString(), "--epochs", "1", "--projected", "--out",
        out.toString(), "--data-dir", data.toString(), "--train-batch", "32");
    assertThat(again.code()).isZero();
    assertThat(CsvTable.read(out.resolve("retrain.csv")).rows()).hasSize(5);
  }

  @Test
  void withoutAKnownBaselineItAsksForOne() {
    Path ck = TinyStudy.checkpoint(shared.resolve("plain"), 8);
    MainTest.Result r = MainTest.run("retrain", "--checkpoint", ck.toString(), "--out", shared.resolve("x").toString(), "--data-dir",
        data.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--baseline-top1");
  }
}
