package dev.convcut.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.WithEngine;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.Augmentation;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import org.junit.jupiter.api.Test;

class TrainerTest extends WithEngine {
  static final ImageSet TRAIN = Synthetic.bands("train", 96, 3, 1, 8, 1);
  static final ImageSet TEST = Synthetic.bands("test", 48, 3, 1, 8, 2);


  static TrainConfig config(String model, String optimizer, int epochs, double lr) {
    return TrainConfig.builder().setModel(model).setDataset("synthetic").optEpochs(epochs).optBatchSize(16)
        .optOptimizer(Optimizer.Kind.named(optimizer)).optLr(lr).optNesterov(true).optWeightDecay(5e-4)
        .optDecayBiasAndNorm(false).optWarmupEpochs(1).optLabelSmoothing(0.1).optSeed(42).optAugmentation(new Augmentation(1, true))
        .build();
  }

  record Run(TrainingState state, float[] weights) {}

  static Run train(TrainConfig cfg, TrainingState from, Network net, Optimizer opt) {
    Normalization norm = Preprocessing.centered(1).normalization();
    Trainer t = new Trainer(cfg, net, new BatchAssembler(TRAIN, norm, cfg.augmentation()), TEST,
        new BatchAssembler(TEST, norm, Augmentation.NONE), false);
    TrainingState s = t.run(from, opt, null);
    return new Run(s, net.weight(net.layerNames().get(1)));
  }

  @Test
  void cnn4LearnsASeparableTaskWithAdam() {
    TrainConfig cfg = config("cnn4", "adam", 3, 1e-3);
    try (Network net = ModelZoo.build(new ModelSpec("cnn4", 1, 8, 3), manager, cfg.seed())) {
      TrainingState s = train(cfg, null, net, cfg.newOptimizer()).state();
      assertThat(s.epochsDone()).isEqualTo(3);
      assertThat(s.history()).hasSize(3);
      assertThat(s.history().get(2).testTop1()).isGreaterThan(0.9);
    }
  }

  @Test
  void resnet20LearnsWithSgdAndTheSameSeedRepeatsTheMetricsExactly() {
    TrainConfig cfg = config("resnet20", "sgd", 2, 0.05);
    ModelSpec spec = new ModelSpec("resnet20", 1, 8, 3);
    try (Network a = ModelZoo.build(spec, manager, cfg.seed()); Network b = ModelZoo.build(spec, manager, cfg.seed())) {
      Run first = train(cfg, null, a, cfg.newOptimizer());
      Run second = train(cfg, null, b, cfg.newOptimizer());
      assertThat(second.state().history()).isEqualTo(first.state().history().stream()
          .map(m -> new EpochMetrics(m.epoch(), m.lr(), m.trainLoss(), m.trainTop1(), m.testLoss(), m.testTop1(), m.testTop5(),
              second.state().history().get(m.epoch() - 1).seconds(), second.state().history().get(m.epoch() - 1).imagesPerSecond()))
          .toList());
      assertThat(second.weights()).containsExactly(first.weights());
      assertThat(first.state().history().get(1).testTop1()).isGreaterThan(0.6);
    }
  }

  @Test
  void resumingAfterAnEpochGivesTheSameWeightsAsTrainingStraightThrough() {
    TrainConfig cfg = config("cnn4", "sgd", 2, 0.02);
    ModelSpec spec = new ModelSpec("cnn4", 1, 8, 3);
    try (Network straight = ModelZoo.build(spec, manager, 9); Network resumed = ModelZoo.build(spec, manager, 9)) {
      Run whole = train(cfg, null, straight, cfg.newOptimizer());
      Optimizer opt = cfg.newOptimizer();
      TrainingState half = train(cfg.withEpochs(1), null, resumed, opt).state();
      Optimizer restored = cfg.newOptimizer();
      restored.loadState(opt.state(), opt.steps());
      Run rest = train(cfg, new TrainingState(cfg, half.epochsDone(), half.optimizerSteps(), half.history()), resumed, restored);
      assertThat(rest.weights()).containsExactly(whole.weights());
      assertThat(rest.state().history().get(1).trainLoss()).isEqualTo(whole.state().history().get(1).trainLoss());
    }
  }
}
