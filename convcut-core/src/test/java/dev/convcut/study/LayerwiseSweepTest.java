package dev.convcut.study;

import dev.convcut.WithEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import dev.convcut.io.CsvTable;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.report.data.Sweep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerwiseSweepTest extends WithEngine {
  @TempDir Path tmp;

  /** One sweep over the default grid, shared by the tests that only read it. */
  @TempDir static Path shared;
  static SweepOutcome defaults;

  @BeforeAll
  static void start() {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.CNN4, 1)) {
      defaults = sweep(net, shared.resolve("defaults"), null, false);
    }
  }


  private static SweepOutcome sweep(Network net, Path out, String levels, boolean force) {
    SweepSettings s = new SweepSettings(List.of("features.0", "features.6"), StudyFixtures.grid(null, levels), 16, out, force, false);
    return LayerwiseSweep.run(net, StudyFixtures.eval(24), s, "synthetic", "sha-of-weights", Provenance.start("sweep", List.of()));
  }

  private static List<String> lines(Path csv) throws IOException {
    return Files.readAllLines(csv, StandardCharsets.UTF_8);
  }

  @Test
  void everyLayerCutAndLevelGetsOneRowAndTheReportReadsThem() {
    {
      SweepOutcome o = defaults;
      // features.0 is 32x1x3x3: ohw|i is trivial (I = 1), so 6 cuts; features.6 (64x32x3x3) has all 7. 11 levels each.
      assertThat(o.rows()).isEqualTo(1 + 6 * 11 + 7 * 11);
      Sweep read = Sweep.read(o.csv());
      assertThat(read.baseline().top1()).isEqualTo(o.baseline().top1());
      assertThat(read.points()).hasSize(6 * 11 + 7 * 11);
      assertThat(o.json()).exists();
      assertThat(shared.resolve("defaults/run.json")).exists();
      assertThat(shared.resolve("defaults/sweep.config.json")).exists();
    }
  }

  @Test
  void variantsThatTruncateToTheSameKernelShareOneEvaluationAndFullRankRowsEqualTheBaseline() {
    {
      SweepOutcome o = defaults;
      CsvTable t = CsvTable.read(o.csv());
      Map<String, String> scoreOf = new HashMap<>();
      int distinct = 0;
      for (CsvTable.Row r : t.rows()) {
        String score = r.text("top1") + "/" + r.text("top5") + "/" + r.text("loss");
        String prev = scoreOf.putIfAbsent(r.text("evaluation"), score);
        if (prev == null) {
          distinct++;
        } else {
          assertThat(score).as("line %d shares evaluation %s", r.line(), r.text("evaluation")).isEqualTo(prev);
        }
        if (!r.text("level").equals("baseline") && r.integer("rank") == r.integer("full_rank")) {
          assertThat(r.text("evaluation")).isEqualTo("baseline");
          assertThat(r.number("delta_top1")).isZero();
          assertThat(r.number("norm_loss")).isZero();
        }
      }
      assertThat(o.evaluations()).isEqualTo(distinct).isLessThan(o.rows());
      // features.0: o|ihw has full rank 9; keep0.9 and keep1.0 both keep 9, keep0.1 and rank1 both keep 1.
      assertThat(t.rows().stream().filter(r -> r.text("layer").equals("features.0") && r.text("cut").equals("o|ihw")
          && (r.text("level").equals("keep0.1") || r.text("level").equals("rank1"))).map(r -> r.text("evaluation")).distinct())
          .hasSize(1);
    }
  }

  @Test
  void aKilledSweepResumesWithNoMissingOrDuplicatedRows() throws IOException {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.CNN4, 1)) {
      Path out = tmp.resolve("s");
      SweepOutcome whole = sweep(net, out, "keep0.5,rank1", false);
      List<String> complete = lines(whole.csv());
      // A crash: the last rows never written, and the row in flight torn mid-line.
      List<String> kept = new ArrayList<>(complete.subList(0, complete.size() - 5));
      String torn = complete.get(complete.size() - 5).substring(0, 10);
      Files.writeString(whole.csv(), String.join("\n", kept) + "\n" + torn, StandardCharsets.UTF_8);
      Files.delete(out.resolve("sweep.json"));
      SweepOutcome resumed = sweep(net, out, "keep0.5,rank1", false);
      assertThat(resumed.resumedRows()).isEqualTo(kept.size() - 1);
      List<String> after = lines(resumed.csv());
      assertThat(after).hasSize(complete.size()).containsExactlyInAnyOrderElementsOf(complete);
      assertThat(resumed.evaluations()).isLessThan(whole.evaluations());
      assertThat(out.resolve("sweep.json")).exists();
      // A finished sweep re-run evaluates nothing and changes nothing.
      SweepOutcome again = sweep(net, out, "keep0.5,rank1", false);
      assertThat(again.evaluations()).isZero();
      assertThat(lines(again.csv())).isEqualTo(after);
    }
  }

  @Test
  void aChangedConfigurationInTheSameFolderIsRefusedUnlessForced() {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.CNN4, 1)) {
      Path out = tmp.resolve("s");
      sweep(net, out, "keep0.5", false);
      assertThatThrownBy(() -> sweep(net, out, "keep0.25", false)).isInstanceOf(ConvcutException.class)
          .hasMessageContaining("another configuration").hasMessageContaining("levels was [\"keep0.5\"], now [\"keep0.25\"]");
      SweepOutcome forced = sweep(net, out, "keep0.25", true);
      assertThat(CsvTable.read(forced.csv()).rows()).allMatch(r -> r.text("level").equals("keep0.25") || r.text("level").equals("baseline"));
    }
  }

  @Test
  void aRowLogThatHoldsARowTwiceIsRefusedRatherThanResumed() throws IOException {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.CNN4, 1)) {
      Path out = tmp.resolve("s");
      SweepOutcome whole = sweep(net, out, "keep0.5,rank1", false);
      List<String> rows = lines(whole.csv());
      // What two sweeps writing one folder at once left: a row written by each.
      Files.writeString(whole.csv(), String.join("\n", rows) + "\n" + rows.get(3) + "\n", StandardCharsets.UTF_8);
      assertThatThrownBy(() -> sweep(net, out, "keep0.5,rank1", false)).isInstanceOf(ConvcutException.class)
          .hasMessageContaining(whole.csv() + ": the row ").hasMessageContaining(" appears twice");
      SweepOutcome forced = sweep(net, out, "keep0.5,rank1", true);
      assertThat(lines(forced.csv())).hasSameSizeAs(rows);
    }
  }

  @Test
  void aSweepIntoACheckpointFolderIsRefusedEvenWhenForcedAndLeavesItsRecord() throws IOException {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.CNN4, 1)) {
      Path ck = Files.createDirectories(tmp.resolve("ck"));
      Files.writeString(ck.resolve("architecture.json"), "{}");
      Files.writeString(ck.resolve("run.json"), "{\"command\":\"train\"}");
      for (boolean force : new boolean[] {false, true}) {
        assertThatThrownBy(() -> sweep(net, ck, "rank1", force)).isInstanceOf(ConvcutException.class)
            .hasMessageContaining(ck + " is a checkpoint");
      }
      assertThat(Files.readString(ck.resolve("run.json"))).isEqualTo("{\"command\":\"train\"}");
      assertThat(ck.resolve("sweep.csv")).doesNotExist();
    }
  }
}
