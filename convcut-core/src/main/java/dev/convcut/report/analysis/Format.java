package dev.convcut.report.analysis;

import java.util.Locale;

/** How the report writes numbers, the same in the terminal summary, the tables and the plots. */
public final class Format {
  private Format() {}

  /** A fraction as a percentage with one decimal: 0.1234 → {@code 12.3%}. */
  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** An accuracy (fraction) as a percentage with two decimals, or an en dash when not recorded (NaN). */
  public static String accuracy(double fraction) {
    return Double.isNaN(fraction) ? "\u2013" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  /** A change in percentage points with its sign, bare: {@code -0.42}. */
  public static String signed(double delta) {
    return String.format(Locale.ROOT, "%+.2f", delta);
  }

  /** A change in percentage points with its sign: {@code -0.42 points}. */
  public static String points(double delta) {
    return String.format(Locale.ROOT, "%+.2f points", delta);
  }

  /**
   * A p-value with its relation: {@code = 0.042}, or {@code < 0.001} where three decimals would
   * round a small (sampled) p-value to a misleading zero; an en dash when absent.
   */
  public static String pValue(Double p) {
    if (p == null || p.isNaN()) {
      return "\u2013";
    }
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
  }

  /** A tolerance in points as typed: 0.5 → {@code 0.5}, 1.0 → {@code 1}. */
  public static String tolerance(double points) {
    return java.math.BigDecimal.valueOf(points).stripTrailingZeros().toPlainString();
  }

  /** A number with {@code decimals} decimals, or an en dash when it is absent (null or NaN). */
  public static String number(Double v, int decimals) {
    return v == null || v.isNaN() ? "\u2013" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
