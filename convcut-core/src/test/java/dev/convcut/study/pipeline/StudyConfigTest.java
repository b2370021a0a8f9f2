package dev.convcut.study.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.InvalidRequestException;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.Augmentation;
import dev.convcut.data.DataOptions;
import dev.convcut.data.DatasetSpec;
import dev.convcut.data.Datasets;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Stem;
import dev.convcut.study.Recipe;
import dev.convcut.train.Optimizer;
import dev.convcut.train.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyConfigTest {
  @TempDir Path tmp;

  @Test
  void theResnet20StudyTrainsWithBenchmarksRecipeOnTheWholeSplitAndSweepsEverything() {
    StudyConfig c = StudyConfig.builtIn("fashion-mnist-resnet20");
    assertThat(c.model()).isEqualTo("resnet20");
    assertThat(c.dataset()).isEqualTo("fashion-mnist");
    Recipe t = c.train();
    // BENCHMARKS.md: --epochs 15 --lr 0.1 --nesterov --augment crop-flip --crop-padding 2 --seed 0, batch 128, wd 5e-4, cosine.
    assertThat(t.epochs()).isEqualTo(15);
    assertThat(t.lr()).isEqualTo(0.1);
    assertThat(t.nesterov()).isTrue();
    assertThat(t.momentum()).isEqualTo(0.9);
    assertThat(t.weightDecay()).isEqualTo(5e-4);
    assertThat(t.batchSize()).isEqualTo(128);
    assertThat(t.schedule()).isEqualTo(Schedule.Kind.COSINE);
    assertThat(t.seed()).isZero();
    assertThat(t.trainImages()).isZero();
    assertThat(t.augmentation("fashion-mnist")).isEqualTo(new Augmentation(2, true));
    assertThat(c.evalSamples()).as("the whole test split").isZero();
    assertThat(c.sweep().layers()).isEmpty();
    // The defaults: the 7 cuts of a conv kernel (and o|i, the one cut of a linear layer, which convolutions skip).
    assertThat(c.sweep().grid().cuts()).containsAll(dev.convcut.tensor.Cut.fourIndex());
    assertThat(c.global().grid().cuts()).containsAll(dev.convcut.tensor.Cut.fourIndex());
    assertThat(c.sweep().grid().levels()).hasSize(11);
    assertThat(c.projected()).isTrue();
    assertThat(c.tolerance()).isEqualTo(0.5);
    assertThat(StudyConfig.BUILT_IN).contains("fashion-mnist-resnet20");
  }

  /** A recipe without weight decay (the rest as the builder's defaults: SGD, momentum 0.9, cosine). */
  private static Recipe.Builder recipe(int epochs, int batch, double lr) {
    return Recipe.builder().setEpochs(epochs).setBatchSize(batch).setLr(lr).optWeightDecay(0.0);
  }

  @Test
  void aRecipeWithoutTheNewFieldsKeepsItsJsonAndSoItsCacheKey() {
    Recipe old = recipe(2, 64, 0.001).optOptimizer(Optimizer.Kind.ADAM).optTrainImages(12000).optSeed(42).build();
    assertThat(Json.write(old)).doesNotContain("nesterov").doesNotContain("cropPadding");
    Recipe nesterov = recipe(2, 64, 0.1).optAugment(true).optSeed(42).optNesterov(true).optCropPadding(2).build();
    assertThat(Json.write(nesterov)).contains("\"nesterov\" : true").contains("\"cropPadding\" : 2");
    DatasetSpec ds = Datasets.spec("fashion-mnist", DataOptions.defaults());
    Architecture arch = Architecture.of(new ModelSpec("cnn4", 1, 28, 10, Stem.CIFAR), Map.of(), Preprocessing.of(ds.normalization()),
        "fashion-mnist", ds.classes());
    StudyConfig c = StudyConfig.builtIn("fashion-mnist-cnn4");
    Map<String, String> data = Map.of("train-images-idx3-ubyte.gz", "00");
    String key = TrainedModel.key(c, arch, data);
    assertThat(key).isEqualTo(TrainedModel.key(c, arch, Map.of("train-images-idx3-ubyte.gz", "00")));
    Recipe.Builder sgd = recipe(2, 64, 0.001).optTrainImages(12000).optSeed(42);
    StudyConfig withoutNesterov = c.toBuilder().setTrain(sgd.build()).build();
    StudyConfig withNesterov = c.toBuilder().setTrain(sgd.optNesterov(true).build()).build();
    assertThat(TrainedModel.key(withNesterov, arch, data)).isNotEqualTo(TrainedModel.key(withoutNesterov, arch, data));
  }

  @Test
  void withoutCropPaddingAugmentMeansTheDatasetsStandardOne() {
    Recipe standard = recipe(1, 32, 0.1).optSchedule(Schedule.Kind.CONSTANT).optAugment(true).optSeed(1).build();
    assertThat(standard.augmentation("cifar10")).isEqualTo(Augmentation.CROP_AND_FLIP);
    assertThat(standard.augmentation("fashion-mnist")).isEqualTo(Augmentation.NONE);
    assertThat(recipe(1, 32, 0.1).optSchedule(Schedule.Kind.CONSTANT).optSeed(1).build().augmentation("cifar10")).isEqualTo(Augmentation.NONE);
    assertThat(standard.withEpochs(3).nesterov()).isFalse();
    Recipe.Builder cropped = recipe(1, 32, 0.1).optSchedule(Schedule.Kind.CONSTANT).optAugment(true).optSeed(1).optNesterov(true).optCropPadding(3);
    assertThat(cropped.build().withEpochs(3)).isEqualTo(cropped.setEpochs(3).build());
  }

  /** The JSON text of each built-in configuration as written before the configurations had builders and typed choices. */
  @Test
  void theBuiltInStudiesWriteTheSameJsonAsBefore() {
    Map<String, Integer> hashes = Map.of("fashion-mnist-cnn4", 1274365575, "fashion-mnist-cnn4-quick", 1225576289,
        "cifar10-cnn4", -2079493415, "cifar100-cnn4", -1197544214, "cifar10-resnet50", -922992756, "cifar100-resnet50", -1232626033,
        "fashion-mnist-resnet20", 1887374208);
    assertThat(hashes.keySet()).containsExactlyInAnyOrderElementsOf(StudyConfig.BUILT_IN);
    hashes.forEach((name, hash) -> {
      StudyConfig c = StudyConfig.builtIn(name);
      assertThat(Json.write(c).hashCode()).as(name).isEqualTo(hash);
      assertThat(c.toBuilder().build()).as(name).isEqualTo(c);
    });
  }

  @Test
  void anUnknownOptimizerInAFileIsAUsageErrorListingTheValidOnes() throws Exception {
    String good = new String(StudyConfig.class.getResourceAsStream("/studies/fashion-mnist-cnn4.json").readAllBytes());
    Path f = Files.writeString(tmp.resolve("bad.json"), good.replace("\"optimizer\": \"adam\"", "\"optimizer\": \"adamw\""));
    assertThatThrownBy(() -> StudyConfig.read(f)).isInstanceOf(InvalidRequestException.class).hasMessageContaining(f.toString())
        .hasMessageContaining("optimizer must be sgd or adam, got 'adamw'");
  }

  @Test
  void badNesterovOrCropPaddingIsAUsageErrorNamingTheField() throws Exception {
    String good = new String(StudyConfig.class.getResourceAsStream("/studies/fashion-mnist-resnet20.json").readAllBytes());
    for (String[] bad : new String[][] {
        {"\"cropPadding\": 2,\n    \"trainImages\": 0,\n    \"seed\": 0", "\"cropPadding\": 0,\n    \"trainImages\": 0,\n    \"seed\": 0", "cropPadding"},
        {"\"lr\": 0.1,", "\"lr\": 0.1, \"optimizer\": \"adam\",", "nesterov"},
        {"\"augment\": true,\n    \"cropPadding\": 2,\n    \"trainImages\": 0,\n    \"seed\": 0",
            "\"augment\": false,\n    \"cropPadding\": 2,\n    \"trainImages\": 0,\n    \"seed\": 0", "augment false"}}) {
      assertThat(good).contains(bad[0]);
      Path f = Files.writeString(tmp.resolve("bad.json"), good.replaceFirst(java.util.regex.Pattern.quote(bad[0]), bad[1]));
      assertThatThrownBy(() -> StudyConfig.read(f)).isInstanceOf(InvalidRequestException.class).hasMessageContaining(f.toString())
          .hasMessageContaining(bad[2]);
    }
  }

  /** docs/java-api.md's example: a built-in study with another re-training recipe. */
  @Test
  void aReadConfigurationChangesThroughItsBuilder() {
    Recipe retrain = Recipe.builder().setEpochs(3).setBatchSize(128).setLr(0.01)
        .optSchedule(Schedule.Kind.CONSTANT).optAugment(true).build();
    StudyConfig c = StudyConfig.builtIn("fashion-mnist-cnn4");
    StudyConfig study = c.toBuilder().setRetrain(retrain).build();
    assertThat(study.retrain()).isEqualTo(retrain);
    assertThat(study.retrain().weightDecay()).isEqualTo(5e-4);
    assertThat(study.train()).isEqualTo(c.train());
    assertThat(study.name()).isEqualTo(c.name());
    assertThatThrownBy(() -> StudyConfig.builder().setName("x").setModel("cnn4").setDataset("fashion-mnist").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a study configuration needs train, sweep, global and retrain sections");
  }
}
