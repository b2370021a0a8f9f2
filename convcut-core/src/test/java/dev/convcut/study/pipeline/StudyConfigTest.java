package dev.convcut.study.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.InvalidRequestException;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.Augmentation;
import dev.convcut.data.Datasets;
import dev.convcut.data.DatasetSpec;
import dev.convcut.data.DataOptions;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.study.Recipe;
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
    assertThat(t.schedule()).isEqualTo("cosine");
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

  @Test
  void aRecipeWithoutTheNewFieldsKeepsItsJsonAndSoItsCacheKey() {
    Recipe old = new Recipe(2, 64, "adam", 0.001, 0.9, 0.0, "cosine", 0.0, false, 12000, 42);
    assertThat(Json.write(old)).doesNotContain("nesterov").doesNotContain("cropPadding");
    Recipe nesterov = new Recipe(2, 64, "sgd", 0.1, 0.9, 0.0, "cosine", 0.0, true, 0, 42, true, 2);
    assertThat(Json.write(nesterov)).contains("\"nesterov\" : true").contains("\"cropPadding\" : 2");
    DatasetSpec ds = Datasets.spec("fashion-mnist", DataOptions.defaults());
    Architecture arch = Architecture.of(new ModelSpec("cnn4", 1, 28, 10, "cifar"), Map.of(), Preprocessing.of(ds.normalization()),
        "fashion-mnist", ds.classes());
    StudyConfig c = StudyConfig.builtIn("fashion-mnist-cnn4");
    Map<String, String> data = Map.of("train-images-idx3-ubyte.gz", "00");
    String key = TrainedModel.key(c, arch, data);
    assertThat(key).isEqualTo(TrainedModel.key(c, arch, Map.of("train-images-idx3-ubyte.gz", "00")));
    StudyConfig withNesterov = new StudyConfig(c.name(), c.description(), c.model(), c.stem(), c.dataset(),
        new Recipe(2, 64, "sgd", 0.001, 0.9, 0.0, "cosine", 0.0, false, 12000, 42, true, null), c.evalSamples(), c.seed(), c.batchSize(),
        c.sweep(), c.global(), c.retrain(), c.projected(), c.tolerance(), c.expectedMinutes(), null);
    StudyConfig withoutNesterov = new StudyConfig(c.name(), c.description(), c.model(), c.stem(), c.dataset(),
        new Recipe(2, 64, "sgd", 0.001, 0.9, 0.0, "cosine", 0.0, false, 12000, 42), c.evalSamples(), c.seed(), c.batchSize(),
        c.sweep(), c.global(), c.retrain(), c.projected(), c.tolerance(), c.expectedMinutes(), null);
    assertThat(TrainedModel.key(withNesterov, arch, data)).isNotEqualTo(TrainedModel.key(withoutNesterov, arch, data));
  }

  @Test
  void withoutCropPaddingAugmentMeansTheDatasetsStandardOne() {
    Recipe standard = new Recipe(1, 32, "sgd", 0.1, 0.9, 0.0, "constant", 0.0, true, 0, 1);
    assertThat(standard.augmentation("cifar10")).isEqualTo(Augmentation.CROP_AND_FLIP);
    assertThat(standard.augmentation("fashion-mnist")).isEqualTo(Augmentation.NONE);
    assertThat(new Recipe(1, 32, "sgd", 0.1, 0.9, 0.0, "constant", 0.0, false, 0, 1).augmentation("cifar10")).isEqualTo(Augmentation.NONE);
    assertThat(standard.withEpochs(3).nesterov()).isFalse();
    assertThat(new Recipe(1, 32, "sgd", 0.1, 0.9, 0.0, "constant", 0.0, true, 0, 1, true, 3).withEpochs(3))
        .isEqualTo(new Recipe(3, 32, "sgd", 0.1, 0.9, 0.0, "constant", 0.0, true, 0, 1, true, 3));
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
}
