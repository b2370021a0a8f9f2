package dev.convcut.train;

/** Class labels as libtorch's loss functions take them (int64). */
final class Labels {
  private Labels() {}

  /** The first {@code n} labels widened to long. */
  static long[] asLong(int[] labels, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = labels[i];
    }
    return out;
  }
}
