package dev.convcut.bench.spectrum;

import java.util.Map;
import java.util.TreeSet;

/**
 * How closely convcut's singular values match numpy's for the same (layer, cut) matrices: the
 * largest difference relative to each value, and relative to the matrix's largest value. In
 * double precision the bar is 1e-6 relative to each value; in single precision, where both sides
 * round to float, 1e-5 relative to {@code s₁} (about 100 float rounding steps).
 */
public record Agreement(int matrices, int values, double maxRelative, double maxRelativeToLargest, String worst, double tolerance,
    boolean relativeToLargest) {

  /** Whether the values agree within the tolerance. */
  public boolean ok() {
    return (relativeToLargest ? maxRelativeToLargest : maxRelative) <= tolerance;
  }

  /** Compares by key ({@code layer/cut}); every key of {@code numpy} must be in {@code convcut} and vice versa. */
  public static Agreement compare(Map<String, double[]> convcut, Map<String, double[]> numpy, boolean single) {
    if (!convcut.keySet().equals(numpy.keySet())) {
      TreeSet<String> onlyOurs = new TreeSet<>(convcut.keySet());
      onlyOurs.removeAll(numpy.keySet());
      TreeSet<String> onlyTheirs = new TreeSet<>(numpy.keySet());
      onlyTheirs.removeAll(convcut.keySet());
      throw new dev.convcut.ConvcutException("convcut and numpy decomposed different cuts: only convcut " + onlyOurs + ", only numpy " + onlyTheirs);
    }
    double maxRel = 0;
    double maxRelLargest = 0;
    String worst = "";
    int count = 0;
    for (Map.Entry<String, double[]> e : numpy.entrySet()) {
      double[] n = e.getValue();
      double[] c = convcut.get(e.getKey());
      if (n.length != c.length) {
        throw new dev.convcut.ConvcutException(e.getKey() + ": numpy has " + n.length + " singular values, convcut " + c.length);
      }
      for (int j = 0; j < n.length; j++) {
        double diff = Math.abs(c[j] - n[j]);
        double rel = diff / Math.max(Math.abs(n[j]), Double.MIN_NORMAL);
        double relLargest = n[0] == 0 ? diff : diff / n[0];
        if (rel > maxRel) {
          maxRel = rel;
          worst = e.getKey() + " s[" + j + "]";
        }
        maxRelLargest = Math.max(maxRelLargest, relLargest);
        count++;
      }
    }
    return new Agreement(numpy.size(), count, maxRel, maxRelLargest, worst, single ? 1e-5 : 1e-6, single);
  }
}
