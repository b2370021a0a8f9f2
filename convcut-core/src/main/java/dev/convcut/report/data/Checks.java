package dev.convcut.report.data;

/** Constructor checks shared by the row records; messages name the column as the CSV spells it. */
final class Checks {
  /** Float rounding in a writer may push a norm loss a hair outside [0, 1]. */
  private static final double SLACK = 1e-6;

  private Checks() {}

  static String notBlank(String column, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(column + " must not be empty");
    }
    return value;
  }

  /** Accuracies are fractions: a value such as 91.2 was written as a percentage by mistake. */
  static double fraction(String column, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(column + " must be a fraction in [0, 1], got " + value
          + (value > 1 && value <= 100 ? " (a percentage? docs/formats.md asks for fractions)" : ""));
    }
    return value;
  }

  /** Like {@link #fraction} but NaN (not measured) is allowed. */
  static double optionalFraction(String column, double value) {
    return Double.isNaN(value) ? value : fraction(column, value);
  }

  static double normLoss(String column, double value) {
    if (!(value >= -SLACK && value <= 1 + SLACK)) {
      throw new IllegalArgumentException(column + " must be in [0, 1] (1 - |W'|/|W|), got " + value);
    }
    return value;
  }

  static double finite(String column, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(column + " must be a finite number, got " + value);
    }
    return value;
  }

  static long atLeast(String column, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(column + " must be at least " + min + ", got " + value);
    }
    return value;
  }
}
