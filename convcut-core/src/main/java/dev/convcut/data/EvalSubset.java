package dev.convcut.data;

import dev.convcut.io.Hashing;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The images an evaluation runs on: the whole split, or a fixed random subset drawn without
 * replacement from a seed. The indices are sorted, and {@link #sha256()} identifies them, so a run
 * can record exactly which images it scored and a later run can check it scored the same ones.
 */
public final class EvalSubset {
  private final String dataset;
  private final String split;
  private final int total;
  private final long seed;
  private final int[] indices;

  private EvalSubset(String dataset, String split, int total, long seed, int[] indices) {
    this.dataset = dataset;
    this.split = split;
    this.total = total;
    this.seed = seed;
    this.indices = indices;
  }

  /** Every image of {@code set}, in order. */
  public static EvalSubset whole(ImageSet set) {
    return whole(set.dataset(), set.split(), set.size());
  }

  /** Every image of a split of {@code total} images, in order. */
  public static EvalSubset whole(String dataset, String split, int total) {
    int[] all = new int[total];
    Arrays.setAll(all, i -> i);
    return new EvalSubset(dataset, split, total, 0, all);
  }

  /** {@code size} images of {@code set} chosen uniformly without replacement from {@code seed}; the whole set if size covers it. */
  public static EvalSubset draw(ImageSet set, int size, long seed) {
    return draw(set.dataset(), set.split(), set.size(), size, seed);
  }

  /**
   * As {@link #draw(ImageSet, int, long)} for a split of {@code total} images not in memory (an
   * image folder's): the same indices for the same total, size and seed.
   */
  public static EvalSubset draw(String dataset, String split, int total, int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("an evaluation subset needs at least 1 image, got " + size);
    }
    if (size >= total) {
      return whole(dataset, split, total);
    }
    int[] pool = new int[total];
    Arrays.setAll(pool, i -> i);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(pool.length - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    int[] chosen = Arrays.copyOf(pool, size);
    Arrays.sort(chosen);
    return new EvalSubset(dataset, split, total, seed, chosen);
  }

  /** The chosen image indices, ascending. */
  public int[] indices() {
    return indices.clone();
  }

  public int size() {
    return indices.length;
  }

  /** The number of images in the split the subset was drawn from. */
  public int total() {
    return total;
  }

  /** Whether this is the whole split. */
  public boolean isWhole() {
    return indices.length == total;
  }

  public String dataset() {
    return dataset;
  }

  public String split() {
    return split;
  }

  /** The seed it was drawn from (0 for the whole split). */
  public long seed() {
    return seed;
  }

  /** SHA-256 of the indices as big-endian 32-bit integers: equal digests, equal subsets. */
  public String sha256() {
    ByteBuffer bytes = ByteBuffer.allocate(indices.length * Integer.BYTES);
    bytes.asIntBuffer().put(indices);
    return Hashing.sha256(bytes.array());
  }

  /** For run records, e.g. {@code cifar10/test: 2000 of 10000 images (seed 42, sha256 ab12...)}. */
  @Override
  public String toString() {
    return dataset + "/" + split + ": " + (isWhole() ? "all " + total + " images"
        : indices.length + " of " + total + " images (seed " + seed + ", sha256 " + sha256() + ")");
  }
}
