package dev.convcut.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.data.DataOptions;
import dev.convcut.io.CsvTable;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.GlobalRow;
import dev.convcut.study.GlobalTruncation;
import dev.convcut.study.Grid;
import dev.convcut.study.Score;
import dev.convcut.study.SweepOutcome;
import dev.convcut.study.SweepSettings;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalSweepTest {
  @TempDir static Path root;
  static Path checkpoint;
  static DataOptions data;
  static final List<String> CONVS = List.of("features.0", "features.2", "features.6", "features.8");

  @BeforeAll
  static void checkpointAndData() {
    checkpoint = ApiFixtures.checkpoint(root.resolve("cnn4"), 11);
    data = ApiFixtures.data(root, 20, 60);
  }

  @Test
  void theRowsInMemoryAreTheRowsTheWrittenRunPutsInGlobalCsv() {
    try (Model model = Convcut.load(checkpoint)) {
      EvalData test = EvalData.test(model, "fashion-mnist", data, 40, 3).batchSize(16);
      List<String> heard = new ArrayList<>();
      GlobalSweepResult sweep = model.globalSweep(SweepOptions.builder().setData(test).optLayers("features.*")
          .optCuts(Cut.O_IHW, Cut.OHW_I).optLevels(Level.keep(1.0), Level.keep(0.5), Level.parse("rank1"))
          .optListener((label, done, total) -> heard.add(label + " " + done + "/" + total)).build());
      assertThat(sweep.rows()).hasSize(6);
      // keep1.0 truncates nothing: two evaluations per cut, 40 images each.
      assertThat(heard).last().isEqualTo("global 160/160");
      SweepOutcome written = GlobalTruncation.run(model.network(), test.set(), new SweepSettings(CONVS,
          new Grid(List.of(Cut.O_IHW, Cut.OHW_I), List.of(Level.keep(1.0), Level.keep(0.5), Level.parse("rank1"))), 16,
          root.resolve("written"), false, false), "fashion-mnist", "sha", Provenance.start("sweep", List.of()));
      List<CsvTable.Row> csv = CsvTable.read(written.csv()).rows().subList(1, 7);
      assertThat(sweep.baseline()).isEqualTo(written.baseline().top1());
      for (int i = 0; i < 6; i++) {
        GlobalRow r = sweep.rows().get(i);
        CsvTable.Row w = csv.get(i);
        assertThat(List.of(r.cut(), r.level(), r.evaluation())).containsExactly(w.text("cut"), w.text("level"), w.text("evaluation"));
        assertThat(r.layers()).isEqualTo(w.integer("layers"));
        assertThat(r.factorizedParams()).isEqualTo(w.integer("factorized_params"));
        assertThat(r.normLossMean()).isCloseTo(w.number("norm_loss_mean"), within(1e-9));
        assertThat(r.score().top1()).isCloseTo(w.number("top1"), within(1e-12));
        assertThat(r.score().loss()).isCloseTo(w.number("loss"), within(1e-5));
      }
      // ohw|i is trivial on the first layer (one input channel): three layers take part.
      assertThat(sweep.cut("ohw|i")).allSatisfy(r -> assertThat(r.layers()).isEqualTo(3));
    }
  }

  @Test
  void aRowScoresWhatTruncatingEveryLayerOfACopyGives() {
    try (Model model = Convcut.load(checkpoint)) {
      EvalData test = EvalData.test(model, "fashion-mnist", data, 40, 5);
      GlobalSweepResult sweep = model.globalSweep(SweepOptions.builder().setData(test).optCuts(Cut.OH_IW)
          .optLevels(Level.keep(0.3)).build());
      GlobalRow row = sweep.rows().get(0);
      try (Model copy = model.copy()) {
        copy.truncate("features.*:oh|iw=keep0.3");
        Score truncated = copy.evaluate(test);
        assertThat(row.score().top1()).isEqualTo(truncated.top1());
        assertThat(row.score().loss()).isCloseTo(truncated.loss(), within(1e-5));
      }
    }
  }

  @Test
  void theCallersEvaluatorSeesEachSharedEvaluationOnceAndCancellingRestoresEveryLayer() {
    try (Model model = Convcut.load(checkpoint)) {
      List<float[]> before = CONVS.stream().map(model.network()::weight).toList();
      AtomicInteger calls = new AtomicInteger();
      GlobalSweepResult sweep = model.globalSweep(SweepOptions.builder().optLayers("features.6", "features.8")
          .optCuts(Cut.O_IHW).optLevels(Level.keep(0.5), Level.keep(1.0), Level.parse("rank1"), Level.parse("rank1"))
          .setEvaluator(net -> {
            calls.incrementAndGet();
            return 0.25;
          }).build());
      assertThat(calls.get()).isEqualTo(1 + 2);
      assertThat(sweep.rows()).hasSize(3).allSatisfy(r -> assertThat(r.score().top5()).isNaN());
      assertThat(sweep.rows().get(1).evaluation()).isEqualTo("baseline");

      List<String> heard = new ArrayList<>();
      assertThatThrownBy(() -> model.globalSweep(SweepOptions.builder().optCuts(Cut.O_IHW).optLevels(Level.keep(0.5), Level.parse("rank1"))
          .setEvaluator(net -> 0.5).optListener((label, done, total) -> {
            heard.add(label + " " + done + "/" + total);
            throw new CancellationException("stop");
          }).build())).isInstanceOf(CancellationException.class);
      assertThat(heard).containsExactly("global 1/2");
      for (int i = 0; i < CONVS.size(); i++) {
        assertThat(model.network().weight(CONVS.get(i))).containsExactly(before.get(i));
      }
    }
  }
}
