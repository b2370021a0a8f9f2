package dev.convcut.study;

import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.data.Augmentation;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.EvalSubset;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;

/**
 * The images a study step scores: the whole test split or a fixed seeded subset of it ({@link
 * EvalSubset}, recorded by its SHA-256), copied into its own {@link ImageSet} with an
 * augmentation-free batch assembler. Every variant of a sweep is scored on exactly these images.
 */
public record EvalSet(ImageSet images, BatchAssembler batches, EvalSubset subset) {

  /** What a run records about its evaluation images, in run.json and its configuration file. */
  public record Description(String dataset, String split, int images, int of, long seed, String sha256) {}

  /**
   * The evaluation set of {@code split}: {@code samples} images drawn from {@code seed}, or the
   * whole split when {@code samples} is 0 or covers it.
   */
  public static EvalSet of(ImageSet split, Normalization normalization, int samples, long seed) {
    if (samples < 0) {
      throw new InvalidSettingException(Setting.EVAL_SAMPLES, samples, " must be ≥ 0 (0 = the whole split), got " + samples);
    }
    EvalSubset subset = samples == 0 ? EvalSubset.whole(split) : EvalSubset.draw(split, samples, seed);
    ImageSet images = subset.isWhole() ? split : copy(split, subset.indices());
    return new EvalSet(images, new BatchAssembler(images, normalization, Augmentation.NONE), subset);
  }

  /** Images already chosen as {@code subset} describes (an image folder decodes only those). */
  public static EvalSet of(ImageSet images, Normalization normalization, EvalSubset subset) {
    return new EvalSet(images, new BatchAssembler(images, normalization, Augmentation.NONE), subset);
  }

  /** The images at {@code indices}, in that order, as a set of their own. */
  static ImageSet copy(ImageSet set, int[] indices) {
    int bytes = set.imageBytes();
    byte[] pixels = new byte[indices.length * bytes];
    int[] labels = new int[indices.length];
    for (int n = 0; n < indices.length; n++) {
      System.arraycopy(set.pixels(), indices[n] * bytes, pixels, n * bytes, bytes);
      labels[n] = set.labels()[indices[n]];
    }
    return new ImageSet(set.dataset(), set.split(), set.channels(), set.height(), set.width(), set.classes(), pixels, labels);
  }

  public int size() {
    return images.size();
  }

  public Description describe() {
    return new Description(subset.dataset(), subset.split(), subset.size(), subset.total(), subset.seed(), subset.sha256());
  }
}
