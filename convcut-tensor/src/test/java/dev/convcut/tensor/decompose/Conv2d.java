package dev.convcut.tensor.decompose;

import dev.convcut.tensor.Kernel;

/** A plain grouped 2-D convolution (cross-correlation, stride 1, no padding) for checking factor chains. */
final class Conv2d {
  private Conv2d() {}

  /** {@code x} is {@code (C, height, width)} row-major; returns {@code (out, height−kh+1, width−kw+1)}. */
  static double[] apply(double[] x, int channels, int height, int width, Kernel weight, int groups) {
    int[] s = weight.shape();
    int out = s[0];
    int ig = s[1];
    int kh = s[2];
    int kw = s[3];
    if (ig * groups != channels) {
      throw new IllegalArgumentException("weight " + weight.shapeString() + " with " + groups + " groups does not take " + channels + " channels");
    }
    int oh = height - kh + 1;
    int ow = width - kw + 1;
    double[] y = new double[out * oh * ow];
    int outPerGroup = out / groups;
    for (int o = 0; o < out; o++) {
      int base = (o / outPerGroup) * ig;
      for (int p = 0; p < oh; p++) {
        for (int q = 0; q < ow; q++) {
          double sum = 0;
          for (int c = 0; c < ig; c++) {
            for (int u = 0; u < kh; u++) {
              for (int v = 0; v < kw; v++) {
                sum += weight.get(o, c, u, v) * x[((base + c) * height + p + u) * width + q + v];
              }
            }
          }
          y[(o * oh + p) * ow + q] = sum;
        }
      }
    }
    return y;
  }
}
