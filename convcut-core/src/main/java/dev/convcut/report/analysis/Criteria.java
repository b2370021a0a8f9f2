package dev.convcut.report.analysis;

import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;

/**
 * What the findings are judged by.
 *
 * @param tolerance "no accuracy loss" means {@code delta_top1 >= -tolerance}, in percentage points
 *     (docs/science.md, "Tolerance"; default 0.5)
 * @param recoverEpochs "a few epochs": re-training recovers when it is back within tolerance by
 *     this epoch (default 3)
 * @param minNormLoss the norm loss a layer must lose within tolerance for "norm can be lost without
 *     accuracy loss" to count it, as a fraction (default 0.05 = 5% of the kernel norm)
 */
public record Criteria(double tolerance, int recoverEpochs, double minNormLoss) {
  public static final double DEFAULT_TOLERANCE = 0.5;
  public static final int DEFAULT_RECOVER_EPOCHS = 3;
  public static final double DEFAULT_MIN_NORM_LOSS = 0.05;

  /**
   * Accuracies are counts over the evaluation set, so a drop of exactly the tolerance is common;
   * this slack keeps float rounding in delta_top1 from turning it into a failure.
   */
  private static final double SLACK = 1e-9;

  public Criteria {
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new InvalidSettingException(Setting.TOLERANCE, tolerance, " must be a finite number of percentage points >= 0, got "
          + tolerance);
    }
    if (recoverEpochs < 0) {
      throw new InvalidSettingException(Setting.RECOVER_EPOCHS, recoverEpochs, " must be >= 0, got " + recoverEpochs);
    }
    if (!(minNormLoss > 0 && minNormLoss <= 1)) {
      throw new InvalidSettingException(Setting.MIN_NORM_LOSS, minNormLoss, " must be in (0, 1], got " + minNormLoss);
    }
  }

  public static Criteria defaults() {
    return new Criteria(DEFAULT_TOLERANCE, DEFAULT_RECOVER_EPOCHS, DEFAULT_MIN_NORM_LOSS);
  }

  /** Whether a change in top-1 (percentage points) counts as "no accuracy loss". */
  public boolean within(double deltaTop1) {
    return deltaTop1 >= -tolerance - SLACK;
  }
}
