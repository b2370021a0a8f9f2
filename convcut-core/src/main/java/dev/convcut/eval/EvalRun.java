package dev.convcut.eval;

import ai.djl.ndarray.NDManager;
import dev.convcut.InvalidRequestException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.data.Augmentation;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.DataOptions;
import dev.convcut.data.Datasets;
import dev.convcut.data.ImageSet;
import dev.convcut.data.ImageSets;
import dev.convcut.data.Split;
import dev.convcut.io.Progress;
import dev.convcut.provenance.Provenance;

/**
 * The {@code eval} command's work: load a checkpoint, load a dataset split (by default the
 * checkpoint's dataset), check that they fit, and evaluate with the checkpoint's preprocessing.
 */
public final class EvalRun {
  private EvalRun() {}

  /**
   * @param dataset the dataset to evaluate on, or null for the checkpoint's
   * @param limit evaluate the first {@code limit} images only (0: all)
   * @param provenance receives the checkpoint's and the data files' digests (may be null)
   */
  public static EvalResult run(java.nio.file.Path checkpoint, String dataset, DataOptions data, Split split, int batchSize,
      int limit, boolean progress, Provenance provenance) {
    if (batchSize < 1) {
      throw new InvalidRequestException("batch size must be >= 1, got " + batchSize);
    }
    Architecture arch = Checkpoints.architecture(checkpoint);
    String name = dataset != null ? dataset : arch.dataset();
    if (name == null) {
      throw new InvalidRequestException(checkpoint + " does not say which dataset it is for; pass ",
          Words.term(Setting.DATASET, "a dataset"));
    }
    arch = arch.forDataset(name, data);
    data = arch.dataOptions(data);
    ImageSet set = ImageSets.first(Datasets.load(name, split, data), limit);
    if (Datasets.isFolder(name)) {
      arch.checkFolderClasses(set.classes(), String.valueOf(data.dataDir()));
    }
    if (set.classes().size() != arch.classes()) {
      throw new InvalidRequestException(name + " has " + set.classes().size() + " classes but " + checkpoint + " predicts " + arch.classes());
    }
    if (provenance != null) {
      provenance.input("checkpoint", Checkpoints.weights(checkpoint));
      Datasets.digests(name, data).forEach((f, sha) -> provenance.input("data/" + f, sha));
    }
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(checkpoint, manager);
        Progress bar = progress ? new Progress("eval", set.size(), "img") : new Progress(System.err, false, "eval", set.size(), "img")) {
      BatchAssembler batches = new BatchAssembler(set, arch.preprocessing().normalization(), Augmentation.NONE);
      return Evaluator.evaluate(ck.network(), set, batches, batchSize, bar);
    }
  }
}
