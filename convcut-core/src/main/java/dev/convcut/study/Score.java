package dev.convcut.study;

import dev.convcut.eval.Tally;

/**
 * A network's accuracy on an evaluation set: top-1 and top-5 as fractions in [0, 1], the mean
 * cross-entropy, and the number of images scored. A score from a caller's own measure (the
 * library's evaluation callback) has top-5 and loss NaN: not measured.
 */
public record Score(double top1, double top5, double loss, long images) implements java.io.Serializable {

  public Score {
    if (!(top1 >= 0 && top1 <= 1) || !(Double.isNaN(top5) || top5 >= 0 && top5 <= 1)) {
      throw new IllegalArgumentException("accuracies are fractions in [0, 1], got top1 " + top1 + " and top5 " + top5);
    }
  }

  static Score of(Tally t) {
    return new Score(t.top1(), t.top5(), t.meanLoss(), t.images());
  }

  /** {@code top1 − baseline.top1} in percentage points. */
  public double deltaTop1(double baselineTop1) {
    return 100 * (top1 - baselineTop1);
  }
}
