package dev.convcut.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Summary statistics of one split, computed from its pixels: per-channel mean and standard
 * deviation in [0, 1] units (population std over every pixel of the channel, the statistic the
 * normalization constants are) and how many images each class has.
 *
 * @param labelCounts images per class, in label order
 */
public record DatasetStats(String dataset, String split, int count, int channels, int height, int width,
    List<Double> mean, List<Double> std, List<String> classes, List<Integer> labelCounts) {

  public DatasetStats {
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    classes = List.copyOf(classes);
    labelCounts = List.copyOf(labelCounts);
  }

  /** Computes the statistics of {@code set} in one pass over its pixels. */
  public static DatasetStats of(ImageSet set) {
    int c = set.channels();
    int plane = set.height() * set.width();
    long[] sum = new long[c];
    long[] squares = new long[c];
    byte[] pixels = set.pixels();
    for (int i = 0, at = 0; i < set.size(); i++) {
      for (int ch = 0; ch < c; ch++) {
        long s = 0;
        long q = 0;
        for (int end = at + plane; at < end; at++) {
          int v = pixels[at] & 0xff;
          s += v;
          q += v * v;
        }
        sum[ch] += s;
        squares[ch] += q;
      }
    }
    List<Double> mean = new ArrayList<>();
    List<Double> std = new ArrayList<>();
    double n = (double) set.size() * plane;
    for (int ch = 0; ch < c; ch++) {
      double m = sum[ch] / n / 255.0;
      double variance = Math.max(0, squares[ch] / n / (255.0 * 255.0) - m * m);
      mean.add(n == 0 ? Double.NaN : m);
      std.add(n == 0 ? Double.NaN : Math.sqrt(variance));
    }
    int[] counts = new int[set.classes().size()];
    for (int label : set.labels()) {
      counts[label]++;
    }
    List<Integer> labelCounts = new ArrayList<>();
    for (int k : counts) {
      labelCounts.add(k);
    }
    return new DatasetStats(set.dataset(), set.split(), set.size(), c, set.height(), set.width(), mean, std, set.classes(), labelCounts);
  }
}
