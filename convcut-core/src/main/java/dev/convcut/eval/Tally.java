package dev.convcut.eval;

import java.util.BitSet;
import java.util.List;

/**
 * Accumulates classification results batch by batch from logits: correct top-1 and top-5
 * counts, summed cross-entropy (in double precision, log-sum-exp stabilized) and the confusion
 * matrix. Cheap enough to run on every batch of a sweep.
 */
public final class Tally {
  private final int classes;
  private final long[][] confusion;
  private long images;
  private long top1;
  private long top5;
  private double lossSum;
  private final BitSet hits;

  public Tally(int classes) {
    this(classes, false);
  }

  /**
   * @param keepHits also remember which images were top-1 correct, in the order they were added
   *     ({@link #hits}): what a paired comparison of two networks on the same images needs
   */
  public Tally(int classes, boolean keepHits) {
    this.classes = classes;
    this.confusion = new long[classes][classes];
    this.hits = keepHits ? new BitSet() : null;
  }

  /** Adds {@code n} results; {@code logits} holds {@code n×classes} values row by row. */
  public void add(float[] logits, int[] labels, int n) {
    if (logits.length < (long) n * classes) {
      throw new IllegalArgumentException(logits.length + " logits for " + n + " images of " + classes + " classes");
    }
    for (int b = 0; b < n; b++) {
      int off = b * classes;
      int y = labels[b];
      float target = logits[off + y];
      int best = 0;
      int above = 0;
      boolean nan = false;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        float v = logits[off + c];
        if (v > logits[off + best]) {
          best = c;
        }
        // Ties count against the true class, so a constant output never scores.
        if (c != y && v >= target) {
          above++;
        }
        max = Math.max(max, v);
        if (Float.isNaN(v)) {
          nan = true;
        }
      }
      if (nan) {
        // A NaN compares false with everything: without this the true class would never be beaten.
        above = classes;
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(logits[off + c] - max);
      }
      lossSum += max + Math.log(sum) - target;
      confusion[y][best]++;
      if (above == 0) {
        top1++;
        if (hits != null) {
          hits.set((int) images);
        }
      }
      if (above < 5) {
        top5++;
      }
      images++;
    }
  }

  /** Image {@code i} (in the order added) was top-1 correct; only for a tally made to keep them. */
  public BitSet hits() {
    if (hits == null) {
      throw new IllegalStateException("this tally was not asked to keep per-image hits");
    }
    return (BitSet) hits.clone();
  }

  public long images() {
    return images;
  }

  public double top1() {
    return images == 0 ? 0 : (double) top1 / images;
  }

  public double top5() {
    return images == 0 ? 0 : (double) top5 / images;
  }

  public double meanLoss() {
    return images == 0 ? 0 : lossSum / images;
  }

  /** The result, with class names for the listing (may be empty). */
  public EvalResult result(String dataset, String split, List<String> classNames) {
    double[] perClass = new double[classes];
    long[][] copy = new long[classes][];
    for (int y = 0; y < classes; y++) {
      long row = 0;
      for (long v : confusion[y]) {
        row += v;
      }
      perClass[y] = row == 0 ? Double.NaN : (double) confusion[y][y] / row;
      copy[y] = confusion[y].clone();
    }
    return new EvalResult(dataset, split, images, top1(), top5(), meanLoss(), perClass, copy, classNames);
  }
}
