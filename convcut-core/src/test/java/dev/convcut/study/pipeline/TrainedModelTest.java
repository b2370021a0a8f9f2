package dev.convcut.study.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.Seeds;
import dev.convcut.WithEngine;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.model.Stem;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.EvalSet;
import dev.convcut.study.Recipe;
import dev.convcut.study.Training;
import dev.convcut.train.EpochMetrics;
import dev.convcut.train.Optimizer;
import dev.convcut.train.Schedule;
import dev.convcut.train.Synthetic;
import dev.convcut.train.TrainingState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study's training step: an interrupted training resumes at its last finished epoch with the weights of an uninterrupted one. */
class TrainedModelTest extends WithEngine {
  @TempDir Path tmp;

  private static final ModelSpec SPEC = new ModelSpec("resnet20", 1, 8, 3, Stem.CIFAR);
  private static final Normalization NORM = new Normalization(new double[] {0.5}, new double[] {0.5});
  private static final ImageSet TRAIN = Synthetic.bands("train", 48, 3, 1, 8, 1);
  private static final EvalSet EVAL = EvalSet.of(Synthetic.bands("test", 24, 3, 1, 8, 2), NORM, 0, 3);

  /** resnet20 with the study's recipe fields (Nesterov, crop with padding); a constant rate, so epoch 1 is the same in a 1- and a 2-epoch run. */
  private static StudyConfig config(int epochs) {
    StudyConfig c = StudyConfig.builtIn("fashion-mnist-resnet20");
    Recipe r = Recipe.builder().setEpochs(epochs).setBatchSize(16).setLr(0.05).optWeightDecay(5e-4).optSchedule(Schedule.Kind.CONSTANT)
        .optAugment(true).optSeed(4).optNesterov(true).optCropPadding(2).build();
    return StudyConfig.builder().setName("tiny").optDescription("tiny").setModel("resnet20").optStem(Stem.CIFAR).setDataset("fashion-mnist")
        .setTrain(r).optSeed(1).optBatchSize(8).setSweep(c.sweep()).setGlobal(c.global()).setRetrain(c.retrain()).optProjected(true)
        .build();
  }

  private static Architecture arch() {
    return Architecture.of(SPEC, Map.of(), Preprocessing.of(NORM), "fashion-mnist", List.of("a", "b", "c"));
  }

  private TrainedModel.Result obtain(StudyConfig c, Path cache, Path out, ByteArrayOutputStream log) {
    return TrainedModel.obtain(c, arch(), TRAIN, EVAL, Map.of("data", "00"), cache, out, false,
        new PrintStream(log, true, StandardCharsets.UTF_8), List.of("test"));
  }

  /** Keys computed before the configurations had builders and typed choices: a model trained then is found in the cache now. */
  @Test
  void theBuiltInStudiesKeepTheirCacheKeys() {
    Map<String, String> keys = Map.of("fashion-mnist-cnn4", "de65b6ac1d5aa468", "fashion-mnist-cnn4-quick", "e3519a8255fb32fa",
        "cifar10-cnn4", "34307711e545a2a3", "cifar100-cnn4", "34307711e545a2a3", "cifar10-resnet50", "ed36d6382fd0e6e5",
        "cifar100-resnet50", "ed36d6382fd0e6e5", "fashion-mnist-resnet20", "b0864308ee409298");
    assertThat(keys.keySet()).containsExactlyInAnyOrderElementsOf(StudyConfig.BUILT_IN);
    keys.forEach((name, key) -> assertThat(TrainedModel.key(StudyConfig.builtIn(name), arch(), Map.of("data", "00"))).as(name)
        .isEqualTo(key));
  }

  @Test
  void anInterruptedTrainingResumesAtItsLastEpochAndEndsWithTheUninterruptedWeights() throws Exception {
    StudyConfig two = config(2);
    TrainedModel.Result whole = obtain(two, tmp.resolve("cache-a"), tmp.resolve("run-a"), new ByteArrayOutputStream());
    assertThat(whole.cached()).isFalse();
    Path cached = tmp.resolve("cache-a/models").resolve(whole.key());
    assertThat(TrainedModel.partial(cached)).as("removed once the model is stored").doesNotExist();

    // A run killed after its first epoch leaves what the listener wrote then: weights, optimizer and training state.
    Path cacheB = tmp.resolve("cache-b");
    Path partial = TrainedModel.partial(cacheB.resolve("models").resolve(whole.key()));
    try (Network net = ModelZoo.build(SPEC, manager, new Seeds(4).forPurpose("init"))) {
      Optimizer opt = Training.config(two.train(), net, "fashion-mnist").newOptimizer();
      Training.train(net, config(1).train(), "fashion-mnist", TRAIN, EVAL, Preprocessing.of(NORM), opt, (m, s, o) -> {
        TrainingState asInTwo = new TrainingState(s.config().withEpochs(2), s.epochsDone(), s.optimizerSteps(), s.history());
        Checkpoints.save(partial, true, net, arch(), new Checkpoints.Resume(asInTwo, o.state()), Map.of("metrics.csv", "x"),
            Provenance.start("test", List.of()), m);
      }, false);
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TrainedModel.Result resumed = obtain(two, cacheB, tmp.resolve("run-b"), log);
    assertThat(resumed.key()).isEqualTo(whole.key());
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("resuming the training after epoch 1/2")
        .contains("epoch 2/2").doesNotContain("epoch 1/2:");
    assertThat(Files.readAllBytes(resumed.checkpoint().resolve(Checkpoints.WEIGHTS))).as("weights, byte for byte")
        .isEqualTo(Files.readAllBytes(whole.checkpoint().resolve(Checkpoints.WEIGHTS)));
    assertThat(partial).doesNotExist();
    assertThat(Files.readString(resumed.checkpoint().resolve("metrics.csv")).lines()).hasSize(3);
  }
}
