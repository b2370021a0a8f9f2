package dev.convcut.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.data.DataOptions;
import dev.convcut.io.CsvTable;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.LayerKernels;
import dev.convcut.study.RetrainSettings;
import dev.convcut.study.Retraining;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainTest {
  @TempDir static Path root;
  static Path checkpoint;
  static DataOptions data;

  @BeforeAll
  static void checkpointAndData() {
    checkpoint = ApiFixtures.checkpoint(root.resolve("cnn4"), 3);
    data = ApiFixtures.data(root, 64, 40);
  }

  @Test
  void theCurveInMemoryIsTheCurveTheWrittenRunPutsInRetrainCsvAndTheModelIsLeftAsItWas() {
    try (Model model = Convcut.load(checkpoint)) {
      model.truncate("features.*:o|ihw=keep0.5");
      EvalData train = EvalData.train(model, "fashion-mnist", data, 0, 0);
      EvalData test = EvalData.test(model, "fashion-mnist", data, 0, 0);
      float[] before = model.network().weight("features.8");
      RetrainOptions options = RetrainOptions.builder().setTrainData(train).setData(test).optEpochs(2).optBatchSize(16).optLr(0.05)
          .optSeed(4).build();
      List<String> heard = new ArrayList<>();
      try (RetrainResult r = model.retrain(RetrainOptions.builder().setTrainData(train).setData(test).optEpochs(2).optBatchSize(16)
          .optLr(0.05).optSeed(4).optListener((label, done, total) -> heard.add(label + " " + done + "/" + total)).build())) {
        assertThat(model.network().weight("features.8")).containsExactly(before);
        assertThat(r.model().network().weight("features.8")).isNotEqualTo(before);
        assertThat(r.curve()).extracting(Retraining.Epoch::epoch).containsExactly(0, 1, 2);
        assertThat(r.history()).hasSize(2);
        assertThat(heard).contains("epoch 1/2 64/64", "epoch 2/2 64/64");
        assertThat(r.curve().get(0).score()).isEqualTo(model.evaluate(test));
        assertThat(r.curve().get(2).score().top1()).isEqualTo(r.model().evaluate(test).top1());

        Path out = root.resolve("written");
        try (Model same = model.copy()) {
          Retraining.run(same.network(), new Retraining.Source(same.architecture(), same.truncation(), "fashion-mnist", "sha"),
              test.set(), train.set().images(), 0.5, new RetrainSettings("dense", options.recipe(), false, 0.5, out, false, false),
              Provenance.start("retrain", List.of()));
        }
        List<CsvTable.Row> rows = CsvTable.read(out.resolve(Retraining.CSV)).rows();
        assertThat(rows).hasSize(3);
        for (int e = 0; e < 3; e++) {
          assertThat(r.curve().get(e).score().top1()).isEqualTo(rows.get(e).number("top1"));
          assertThat(r.curve().get(e).score().loss()).isCloseTo(rows.get(e).number("loss"), within(1e-5));
        }
        assertThat(r.curve().get(1).trainLoss()).isCloseTo(rows.get(1).number("train_loss"), within(1e-5));
      }
    }
  }

  @Test
  void projectedRetrainingKeepsTheTruncationRanksAndAsksTheCallersEvaluatorOncePerEpoch() {
    try (Model model = Convcut.load(checkpoint)) {
      EvalData train = EvalData.train(model, "fashion-mnist", data, 32, 1);
      assertThatThrownBy(() -> model.retrain(RetrainOptions.builder().setTrainData(train).setEvaluator(net -> 0.5).optProjected(true)
          .build())).hasMessageContaining("truncate it first");
      model.truncate("features.6:o|ihw=rank2");
      AtomicInteger calls = new AtomicInteger();
      try (RetrainResult r = model.retrain(RetrainOptions.builder().setTrainData(train).optProjected(true).optEpochs(2)
          .optBatchSize(8).optLr(0.1).setEvaluator(net -> {
            calls.incrementAndGet();
            return 0.125;
          }).build())) {
        assertThat(calls.get()).isEqualTo(3);
        assertThat(r.top1()).containsExactly(0.125, 0.125, 0.125);
        assertThat(r.curve().get(1).score().top5()).isNaN();
        assertThat(r.model().network().weight("features.6")).isNotEqualTo(model.network().weight("features.6"));
        double[] s = CutSvd.of(LayerKernels.kernel(r.model().network(), "features.6"), Cut.O_IHW).spectrum().values();
        assertThat(s[1]).isPositive();
        assertThat(s[2] / s[0]).isLessThan(1e-5);
      }
    }
  }

  @Test
  void cancellingStopsTheTrainingAndLeavesTheModelAsItWas() {
    try (Model model = Convcut.load(checkpoint)) {
      EvalData train = EvalData.train(model, "fashion-mnist", data, 0, 0);
      float[] before = model.network().weight("features.2");
      assertThatThrownBy(() -> model.retrain(RetrainOptions.builder().setTrainData(train).setEvaluator(net -> 0.5).optBatchSize(16)
          .optListener((label, done, total) -> {
            if (done >= 32) {
              throw new CancellationException("enough");
            }
          }).build())).isInstanceOf(CancellationException.class);
      assertThat(model.network().weight("features.2")).containsExactly(before);
    }
  }
}
