package dev.convcut.api;

import dev.convcut.checkpoint.Architecture;
import dev.convcut.data.DataOptions;
import dev.convcut.data.Split;
import dev.convcut.study.EvalSet;
import dev.convcut.study.StudyData;

/**
 * Images to score a model on, preprocessed as its checkpoint records: a seeded subset of a
 * dataset's test split (the same images for every variant, so differences are paired), or of its
 * training split (to choose a compression on, keeping the test split for the verdict, or to
 * re-train on).
 */
public final class EvalData {
  private final EvalSet set;
  private final int batchSize;

  private EvalData(EvalSet set, int batchSize) {
    this.set = set;
    this.batchSize = batchSize;
  }

  /**
   * {@code samples} images (0: all) of {@code dataset}'s test split, drawn from {@code seed}, as
   * {@code model}'s checkpoint preprocesses them; the dataset is found (or downloaded) as the
   * command line finds it.
   */
  public static EvalData test(Model model, String dataset, int samples, long seed) {
    return test(model, dataset, DataOptions.defaults(), samples, seed);
  }

  /** As {@link #test(Model, String, int, long)}, with the data's location and image-folder options. */
  public static EvalData test(Model model, String dataset, DataOptions options, int samples, long seed) {
    Architecture arch = model.architecture();
    String name = dataset != null ? dataset : StudyData.dataset(arch, null);
    return new EvalData(StudyData.evalSet(arch, name, options, samples, seed, "samples", null), 250);
  }

  /**
   * {@code samples} images (0: all) of {@code dataset}'s training split, drawn from {@code seed}, as
   * {@code model}'s checkpoint preprocesses them (without augmentation; re-training adds its own).
   */
  public static EvalData train(Model model, String dataset, DataOptions options, int samples, long seed) {
    Architecture arch = model.architecture();
    String name = dataset != null ? dataset : StudyData.dataset(arch, null);
    return new EvalData(StudyData.evalSet(arch, StudyData.load(arch, name, Split.TRAIN, options, null), samples, seed, "samples"), 250);
  }

  /** The same images scored in batches of {@code size} (speed and memory only; default 250). */
  public EvalData batchSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + size);
    }
    return new EvalData(set, size);
  }

  /** How many images. */
  public int size() {
    return set.size();
  }

  EvalSet set() {
    return set;
  }

  int batch() {
    return batchSize;
  }
}
