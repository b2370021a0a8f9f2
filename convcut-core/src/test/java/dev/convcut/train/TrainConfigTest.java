package dev.convcut.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.data.Augmentation;
import dev.convcut.io.Json;
import dev.convcut.model.Stem;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
  /** run.json and every checkpoint's training state, as written before the configuration had a builder and typed choices. */
  private static final String GOLDEN = """
      {
        "model" : "resnet20",
        "dataset" : "cifar10",
        "stem" : "cifar",
        "epochs" : 7,
        "batchSize" : 32,
        "optimizer" : "sgd",
        "lr" : 0.05,
        "momentum" : 0.8,
        "nesterov" : true,
        "weightDecay" : 1.0E-4,
        "decayBiasAndNorm" : false,
        "schedule" : "step",
        "milestones" : [ 2, 5 ],
        "gamma" : 0.2,
        "warmupEpochs" : 1,
        "labelSmoothing" : 0.1,
        "seed" : 9,
        "evalEvery" : 2,
        "cropPadding" : 4,
        "flip" : true,
        "trainLimit" : 100,
        "resizedCrop" : false
      }
      """;

  private static TrainConfig golden() {
    return TrainConfig.builder().setModel("resnet20").setDataset("cifar10").optEpochs(7).optBatchSize(32).optLr(0.05).optMomentum(0.8)
        .optNesterov(true).optWeightDecay(1e-4).optDecayBiasAndNorm(false).optSchedule(Schedule.Kind.STEP).optMilestones(List.of(2, 5))
        .optGamma(0.2).optWarmupEpochs(1).optLabelSmoothing(0.1).optSeed(9).optEvalEvery(2).optAugmentation(Augmentation.CROP_AND_FLIP)
        .optTrainLimit(100).build();
  }

  @Test
  void itWritesAndReadsTheJsonOfEarlierVersions() throws Exception {
    assertThat(Json.write(golden())).isEqualTo(GOLDEN);
    assertThat(Json.mapper().readValue(GOLDEN, TrainConfig.class)).isEqualTo(golden());
  }

  @Test
  void theDefaultsAreTheCommandLinesAndTheRateAndDecayFollowTheOptimizer() {
    TrainConfig sgd = TrainConfig.builder().setModel("cnn4").setDataset("cifar10").build();
    assertThat(sgd).isEqualTo(new TrainConfig("cnn4", "cifar10", Stem.CIFAR, 15, 128, Optimizer.Kind.SGD, 0.1, 0.9, false, 5e-4, true,
        Schedule.Kind.COSINE, List.of(), 0.1, 0, 0, 0, 1, 4, true, 0, false));
    TrainConfig adam = TrainConfig.builder().setModel("cnn4").setDataset("fashion-mnist").optOptimizer(Optimizer.Kind.ADAM).build();
    assertThat(adam.lr()).isEqualTo(0.001);
    assertThat(adam.weightDecay()).isZero();
    assertThat(adam.augmentation()).as("the MNIST family's standard augmentation").isEqualTo(Augmentation.NONE);
  }

  @Test
  void anUnknownOptimizerIsRefusedWithTheValidOnes() {
    assertThatThrownBy(() -> Optimizer.Kind.named("adamw")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("optimizer must be sgd or adam, got 'adamw'");
    assertThatThrownBy(() -> Json.mapper().readValue(GOLDEN.replace("\"sgd\"", "\"adamw\""), TrainConfig.class))
        .hasMessageContaining("optimizer must be sgd or adam, got 'adamw'");
  }

  @Test
  void theBuilderNamesWhatIsMissingAndTheRecordWhatIsOutOfRange() {
    assertThatThrownBy(() -> TrainConfig.builder().setModel("cnn4").build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setDataset");
    assertThatThrownBy(() -> TrainConfig.builder().setModel("cnn4").setDataset("cifar10").optBatchSize(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("batch size must be >= 2 (BatchNorm needs two images), got 1");
  }

  /** docs/java-api.md's example. */
  @Test
  void theJavaApiPagesConfigurationHasTheDefaultsItNames() {
    TrainConfig train = TrainConfig.builder().setModel("resnet20").setDataset("cifar10")
        .optEpochs(200).optNesterov(true).optSchedule(Schedule.Kind.STEP).optMilestones(List.of(100, 150))
        .build();
    assertThat(train).extracting(TrainConfig::optimizer, TrainConfig::lr, TrainConfig::momentum, TrainConfig::weightDecay,
        TrainConfig::batchSize, TrainConfig::augmentation).containsExactly(Optimizer.Kind.SGD, 0.1, 0.9, 5e-4, 128, Augmentation.CROP_AND_FLIP);
  }
}
