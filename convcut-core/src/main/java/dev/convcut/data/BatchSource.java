package dev.convcut.data;

import java.util.SplittableRandom;

/**
 * Where training batches come from: images addressed by index {@code 0..size-1}, written as
 * normalized floats ({@code N x C x H x W}) into a caller-owned array with their labels. An
 * in-memory split ({@link BatchAssembler}) and an image folder decoded as it goes
 * ({@link dev.convcut.data.folder.FolderTrainBatches}) both are.
 */
public interface BatchSource {
  /** Number of images. */
  int size();

  int channels();

  int height();

  int width();

  /** Floats per image, {@code C*H*W}. */
  default int imageFloats() {
    return channels() * height() * width();
  }

  /**
   * Writes images {@code indices[from .. from+count)} into {@code out[0 .. count*C*H*W)} and their
   * labels into {@code labels[0 .. count)}; augmentation draws from {@code random} (null only
   * without augmentation), so the same stream state gives the same batch.
   */
  void assemble(int[] indices, int from, int count, float[] out, int[] labels, SplittableRandom random);
}
