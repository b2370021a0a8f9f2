package dev.convcut.data;

import dev.convcut.Seeds;
import java.util.SplittableRandom;

/**
 * The order in which a training split's images are visited in each epoch: a uniform random
 * permutation drawn from the seed and the epoch number alone, so epoch 7 of a run is the same
 * whether or not epochs 0..6 ran in the same process.
 */
public final class EpochOrder {
  private final int size;
  private final Seeds seeds;

  /** Orders {@code size} images; {@code seed} should be the run's data-order seed. */
  public EpochOrder(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("an epoch needs at least one image, got " + size);
    }
    this.size = size;
    this.seeds = new Seeds(seed);
  }

  /** A permutation of {@code 0..size-1} for {@code epoch} (Fisher–Yates). */
  public int[] forEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be 0 or more, got " + epoch);
    }
    SplittableRandom random = new SplittableRandom(seeds.forPurpose("epoch-order", epoch));
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Batches per epoch of {@code batchSize} images; a short last batch counts unless {@code dropLast}. */
  public int batches(int batchSize, boolean dropLast) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be 1 or more, got " + batchSize);
    }
    return dropLast ? size / batchSize : (size + batchSize - 1) / batchSize;
  }

  public int size() {
    return size;
  }
}
