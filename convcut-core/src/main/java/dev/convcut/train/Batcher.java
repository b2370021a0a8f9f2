package dev.convcut.train;

import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.ImageSet;
import java.util.SplittableRandom;

/**
 * Turns images of an {@link ImageSet} into normalized float batches in NCHW order, optionally
 * with the standard CIFAR augmentation (random crop after zero-padding by {@code size/8} pixels,
 * random horizontal flip), and shuffles epochs with a seeded permutation.
 */
public final class Batcher {
  private final ImageSet set;
  private final float[][] lut;
  private final boolean augment;
  private final int pad;

  public Batcher(ImageSet set, Preprocessing pre, boolean augment) {
    if (pre.mean().size() != set.channels()) {
      throw new IllegalArgumentException("preprocessing has " + pre.mean().size() + " channels, " + set.dataset()
          + " images have " + set.channels());
    }
    this.set = set;
    this.augment = augment;
    this.pad = Math.max(1, set.height() / 8);
    lut = new float[set.channels()][256];
    for (int c = 0; c < set.channels(); c++) {
      for (int v = 0; v < 256; v++) {
        lut[c][v] = (float) ((v / 255.0 - pre.mean().get(c)) / pre.std().get(c));
      }
    }
  }

  public ImageSet set() {
    return set;
  }

  /** A seeded random permutation of all image indices (Fisher–Yates). */
  public int[] shuffled(long seed) {
    int[] order = sequential();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Indices 0..n-1 in order. */
  public int[] sequential() {
    int[] order = new int[set.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    return order;
  }

  /**
   * Fills {@code x} (at least {@code count·C·H·W} floats) and {@code y} with images
   * {@code order[from .. from+count)}; {@code rnd} drives augmentation and may be null without it.
   */
  public void fill(int[] order, int from, int count, float[] x, long[] y, SplittableRandom rnd) {
    int c = set.channels();
    int h = set.height();
    int w = set.width();
    int plane = h * w;
    byte[] px = set.pixels();
    for (int b = 0; b < count; b++) {
      int n = order[from + b];
      y[b] = set.labels()[n];
      int src = n * set.imageBytes();
      int dst = b * c * plane;
      if (!augment) {
        for (int ch = 0; ch < c; ch++) {
          float[] t = lut[ch];
          for (int i = 0; i < plane; i++) {
            x[dst + ch * plane + i] = t[px[src + ch * plane + i] & 0xFF];
          }
        }
        continue;
      }
      int dy = rnd.nextInt(2 * pad + 1) - pad;
      int dx = rnd.nextInt(2 * pad + 1) - pad;
      boolean flip = rnd.nextBoolean();
      for (int ch = 0; ch < c; ch++) {
        float[] t = lut[ch];
        float zero = t[0];
        for (int r = 0; r < h; r++) {
          int sr = r + dy;
          for (int col = 0; col < w; col++) {
            int sc = (flip ? w - 1 - col : col) + dx;
            x[dst + ch * plane + r * w + col] = sr < 0 || sr >= h || sc < 0 || sc >= w
                ? zero : t[px[src + ch * plane + sr * w + sc] & 0xFF];
          }
        }
      }
    }
  }
}
