package dev.convcut.eval;

import java.util.List;
import java.util.Locale;

/**
 * A network's results on one dataset split. Accuracies are fractions in [0, 1]; the confusion
 * matrix's row is the true class and its column the predicted one; a class with no images has
 * per-class accuracy NaN.
 */
public record EvalResult(String dataset, String split, long images, double top1, double top5, double loss,
    double[] perClass, long[][] confusion, List<String> classNames) {

  public EvalResult {
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
  }

  /** The confusion matrix as CSV: header {@code true\predicted,<classes>}, one row per true class. */
  public String confusionCsv() {
    StringBuilder sb = new StringBuilder("true\\predicted");
    for (int c = 0; c < confusion.length; c++) {
      sb.append(',').append(name(c));
    }
    sb.append('\n');
    for (int y = 0; y < confusion.length; y++) {
      sb.append(name(y));
      for (long v : confusion[y]) {
        sb.append(',').append(v);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Per-class accuracy as CSV: {@code class,images,correct,accuracy}. */
  public String perClassCsv() {
    StringBuilder sb = new StringBuilder("class,images,correct,accuracy\n");
    for (int y = 0; y < confusion.length; y++) {
      long row = 0;
      for (long v : confusion[y]) {
        row += v;
      }
      sb.append(name(y)).append(',').append(row).append(',').append(confusion[y][y]).append(',')
          .append(String.format(Locale.ROOT, "%.6f", perClass[y])).append('\n');
    }
    return sb.toString();
  }

  /** The name of class {@code c}, or its index when names are unknown; quoted if it holds a comma. */
  public String name(int c) {
    String n = c < classNames.size() ? classNames.get(c) : Integer.toString(c);
    return n.contains(",") || n.contains("\"") ? "\"" + n.replace("\"", "\"\"") + "\"" : n;
  }
}
