package dev.convcut.study;

import java.util.List;
import java.util.StringJoiner;

/**
 * One CSV row as docs/formats.md fixes the format: comma-separated, {@code .} decimals, numbers in
 * Java's shortest round-trip form, an empty field for "not applicable", and RFC 4180 quoting for
 * text that holds a comma, quote or line break.
 */
public final class Csv {
  private Csv() {}

  /** The fields joined into one line, with its newline. */
  public static String row(List<?> fields) {
    StringJoiner j = new StringJoiner(",", "", "\n");
    for (Object f : fields) {
      j.add(field(f));
    }
    return j.toString();
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof Double d ? Double.toString(d) : value.toString();
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /** A kernel shape as {@code OxIxHxW} (or {@code OxI}). */
  static String shape(int[] shape) {
    StringJoiner j = new StringJoiner("x");
    for (int d : shape) {
      j.add(Integer.toString(d));
    }
    return j.toString();
  }
}
