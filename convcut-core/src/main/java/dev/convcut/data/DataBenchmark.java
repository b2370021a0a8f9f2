package dev.convcut.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures how long a dataset takes to load and how fast training batches are assembled from it,
 * so the data path can be compared with one training epoch and with PyTorch's loader.
 *
 * @param loadSeconds per split, the time of each repetition of {@link Datasets#load}, first (cold) to last
 * @param batchSize images per assembled batch
 * @param augmentedMicrosPerImage batch assembly with the training augmentation, µs per image (best of the rounds)
 * @param plainMicrosPerImage batch assembly without augmentation (evaluation), µs per image (best of the rounds)
 */
public record DataBenchmark(String dataset, List<SplitTimes> loadSeconds, int batchSize, String augmentation,
    double augmentedMicrosPerImage, double plainMicrosPerImage) {

  /** The load times of one split. */
  public record SplitTimes(String split, int images, List<Double> seconds) {
    /** The fastest repetition. */
    public double best() {
      return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
  }

  /**
   * Loads each split {@code repetitions} times, then assembles {@code batches} batches of
   * {@code batchSize} training images in each of 3 rounds, with and without augmentation.
   */
  public static DataBenchmark run(String name, DataOptions options, int repetitions, int batchSize, int batches) {
    if (repetitions < 1 || batchSize < 1 || batches < 1) {
      throw new IllegalArgumentException("repetitions, batch size and batches must be 1 or more, got " + repetitions + ", "
          + batchSize + ", " + batches);
    }
    DatasetSpec spec = Datasets.spec(name);
    DataSource source = Datasets.locate(name, options);
    DataOptions here = new DataOptions(source.path(), options.labels(), false, options.locations());
    List<SplitTimes> loads = new ArrayList<>();
    ImageSet train = null;
    for (Split split : Split.values()) {
      List<Double> seconds = new ArrayList<>();
      ImageSet set = null;
      for (int r = 0; r < repetitions; r++) {
        long start = System.nanoTime();
        set = Datasets.load(name, split, here);
        seconds.add((System.nanoTime() - start) / 1e9);
      }
      loads.add(new SplitTimes(split.id(), set.size(), seconds));
      if (split == Split.TRAIN) {
        train = set;
      }
    }
    double augmented = assembly(train, spec, spec.trainAugmentation(), batchSize, batches);
    double plain = assembly(train, spec, Augmentation.NONE, batchSize, batches);
    return new DataBenchmark(name, loads, batchSize, spec.trainAugmentation().describe(), augmented, plain);
  }

  /** Best-of-3-rounds µs per image to assemble {@code batches} batches in epoch order (after one warm-up round). */
  private static double assembly(ImageSet set, DatasetSpec spec, Augmentation augmentation, int batchSize, int batches) {
    BatchAssembler assembler = new BatchAssembler(set, spec.normalization(), augmentation);
    int[] order = new EpochOrder(set.size(), 1).forEpoch(0);
    int size = Math.min(batchSize, set.size());
    float[] out = new float[size * assembler.imageFloats()];
    int[] labels = new int[size];
    SplittableRandom random = new SplittableRandom(2);
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 4; round++) {
      long start = System.nanoTime();
      for (int b = 0; b < batches; b++) {
        int from = (int) ((long) b * size % (set.size() - size + 1));
        assembler.assemble(order, from, size, out, labels, random);
      }
      double micros = (System.nanoTime() - start) / 1e3 / ((double) batches * size);
      if (round > 0) {
        best = Math.min(best, micros);
      }
    }
    // Keeps the work observable so the JIT cannot drop it.
    if (Arrays.hashCode(out) == 42) {
      System.err.print("");
    }
    return best;
  }
}
