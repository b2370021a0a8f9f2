package dev.convcut.api;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.DataFixtures;
import dev.convcut.data.DataOptions;
import dev.convcut.data.Datasets;
import dev.convcut.data.LabelKind;
import dev.convcut.engine.Torch;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The facade tests' inputs: a cnn4 checkpoint (seeded initialization) and Fashion-MNIST-shaped IDX files, made in a folder. */
final class ApiFixtures {
  private ApiFixtures() {}

  /** Writes a fashion-mnist cnn4 checkpoint initialized from {@code seed} into {@code dir}. */
  static Path checkpoint(Path dir, long seed) {
    Torch.configure(2);
    try (NDManager m = NDManager.newBaseManager(); Network net = ModelZoo.build(new ModelSpec("cnn4", 1, 28, 10), m, seed)) {
      Checkpoints.save(dir, false, net, Architecture.of(net.spec(), Map.of(),
          Preprocessing.of(Datasets.spec("fashion-mnist").normalization()), "fashion-mnist", Datasets.spec("fashion-mnist").classes()), null,
          Map.of(), Provenance.start("test", List.of()), null);
    }
    return dir;
  }

  /** IDX files of {@code train} and {@code test} images under {@code root}, found there and nowhere else. */
  static DataOptions data(Path root, int train, int test) {
    return new DataOptions(DataFixtures.idxFolder(root.resolve("idx"), train, test, true), LabelKind.FINE, false,
        DataFixtures.isolated(root));
  }
}
