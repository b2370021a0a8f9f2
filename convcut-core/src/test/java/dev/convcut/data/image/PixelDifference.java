package dev.convcut.data.image;

/** The maximum and mean absolute difference of two same-shaped rasters, in 0..255 units. */
record PixelDifference(int max, double mean) {
  static PixelDifference of(Raster a, Raster b) {
    if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
      throw new AssertionError("shapes differ: " + a + " vs " + b);
    }
    int max = 0;
    long sum = 0;
    byte[] p = a.pixels();
    byte[] q = b.pixels();
    for (int i = 0; i < p.length; i++) {
      int d = Math.abs((p[i] & 0xFF) - (q[i] & 0xFF));
      max = Math.max(max, d);
      sum += d;
    }
    return new PixelDifference(max, (double) sum / p.length);
  }

  @Override
  public String toString() {
    return String.format("max %d, mean %.4f", max, mean);
  }
}
