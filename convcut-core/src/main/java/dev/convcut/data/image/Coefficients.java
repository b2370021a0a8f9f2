package dev.convcut.data.image;

/**
 * The fixed-point weights of one resampling axis as Pillow's {@code precompute_coeffs} and
 * {@code normalize_coeffs_8bpc} make them for the bilinear filter: for output index i the input
 * range [first[i], first[i] + count[i]) and its weights at {@code i * size}, each the
 * normalized triangle weight times 2^22, rounded half away from zero.
 */
record Coefficients(int size, int[] first, int[] count, int[] weights) {
  static final int PRECISION_BITS = 32 - 8 - 2;

  /**
   * Pillow passes the box as C floats: the region [in0, in1) is rounded to float, and its
   * extent is a float difference, before the double arithmetic.
   */
  static Coefficients of(int inSize, float in0, float in1, int outSize) {
    double scale = (double) (in1 - in0) / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = filterScale; // the triangle's support is 1, widened when downscaling
    int size = (int) Math.ceil(support) * 2 + 1;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    int[] weights = new int[outSize * size];
    double[] k = new double[size];
    for (int xx = 0; xx < outSize; xx++) {
      double center = in0 + (xx + 0.5) * scale;
      double ss = 1.0 / filterScale;
      int xmin = Math.max((int) (center - support + 0.5), 0);
      int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
      double ww = 0.0;
      for (int x = 0; x < xmax; x++) {
        double w = triangle((x + xmin - center + 0.5) * ss);
        k[x] = w;
        ww += w;
      }
      for (int x = 0; x < xmax; x++) {
        double w = ww != 0.0 ? k[x] / ww : k[x];
        weights[xx * size + x] = w < 0 ? (int) (-0.5 + w * (1 << PRECISION_BITS)) : (int) (0.5 + w * (1 << PRECISION_BITS));
      }
      first[xx] = xmin;
      count[xx] = Math.max(xmax, 0);
    }
    return new Coefficients(size, first, count, weights);
  }

  private static double triangle(double x) {
    double a = Math.abs(x);
    return a < 1.0 ? 1.0 - a : 0.0;
  }

  /** Rounds the accumulated fixed-point sum (which starts at one half) and clips it to 0..255. */
  static int clip8(int sum) {
    int v = sum >> PRECISION_BITS;
    return v < 0 ? 0 : Math.min(v, 255);
  }
}
