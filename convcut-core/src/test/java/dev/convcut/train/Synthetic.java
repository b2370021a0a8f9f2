package dev.convcut.train;

import dev.convcut.data.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small learnable image sets for tests: class {@code c} lights up horizontal band {@code c}, plus noise. */
public final class Synthetic {
  private Synthetic() {}

  public static ImageSet bands(String split, int n, int classes, int channels, int size, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] px = new byte[n * channels * size * size];
    int[] labels = new int[n];
    int band = Math.max(1, size / classes);
    for (int i = 0; i < n; i++) {
      int c = rnd.nextInt(classes);
      labels[i] = c;
      for (int ch = 0; ch < channels; ch++) {
        for (int r = 0; r < size; r++) {
          for (int col = 0; col < size; col++) {
            int v = rnd.nextInt(100) + (r / band == c ? 120 : 0);
            px[((i * channels + ch) * size + r) * size + col] = (byte) v;
          }
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add("class" + c);
    }
    return new ImageSet("synthetic", split, channels, size, size, names, px, labels);
  }
}
