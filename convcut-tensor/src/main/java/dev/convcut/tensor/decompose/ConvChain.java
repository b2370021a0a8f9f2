package dev.convcut.tensor.decompose;

import dev.convcut.tensor.Kernel;
import java.util.List;

/**
 * Composes convolutions: the dense kernel of a chain of (possibly grouped) convolutions applied
 * one after another with stride 1 and no dilation. For the factor pairs of docs/science.md's table,
 * where in each spatial axis at most one factor is wider than 1, this equals the original layer at
 * full rank whatever its stride and padding, which makes it the reference every factorization is
 * tested against.
 */
public final class ConvChain {
  private ConvChain() {}

  /** The dense kernel of {@code factors} applied in order; 2-index if every factor is. */
  public static Kernel collapse(List<ConvFactor> factors) {
    if (factors.isEmpty()) {
      throw new IllegalArgumentException("a convolution chain needs at least one factor");
    }
    ConvFactor acc = factors.get(0);
    boolean linear = acc.weight().order() == 2;
    Kernel dense = compose(acc, null);
    for (int n = 1; n < factors.size(); n++) {
      ConvFactor next = factors.get(n);
      linear &= next.weight().order() == 2;
      dense = compose(new ConvFactor(dense, 1, SpatialAxes.BOTH), next);
    }
    return linear ? dense.reshape(dense.shape()[0], dense.shape()[1]) : dense;
  }

  /**
   * The dense {@code (O, I, h1+h2−1, w1+w2−1)} kernel of {@code first} followed by {@code second};
   * with {@code second == null}, {@code first} alone made dense (groups expanded).
   */
  public static Kernel compose(ConvFactor first, ConvFactor second) {
    int[] f = dims4(first.weight());
    int c = f[0];
    int ig = f[1];
    int g1 = first.groups();
    int in = ig * g1;
    if (second == null) {
      second = new ConvFactor(identity(c), 1, SpatialAxes.NONE);
    }
    int[] s = dims4(second.weight());
    int out = s[0];
    int cg = s[1];
    int g2 = second.groups();
    if (cg * g2 != c) {
      throw new IllegalArgumentException("cannot chain " + first.weight().shapeString() + " (" + c + " outputs) into "
          + second.weight().shapeString() + " with " + g2 + " groups (" + cg * g2 + " inputs)");
    }
    int kh = f[2] + s[2] - 1;
    int kw = f[3] + s[3] - 1;
    double[] a = first.weight().toDoubleArray();
    double[] b = second.weight().toDoubleArray();
    double[] r = new double[out * in * kh * kw];
    int outPerGroup2 = out / g2;
    int outPerGroup1 = c / g1;
    for (int o = 0; o < out; o++) {
      int cBase = (o / outPerGroup2) * cg;
      for (int cc = 0; cc < cg; cc++) {
        int ch = cBase + cc;
        int iBase = (ch / outPerGroup1) * ig;
        for (int u2 = 0; u2 < s[2]; u2++) {
          for (int v2 = 0; v2 < s[3]; v2++) {
            double x = b[((o * cg + cc) * s[2] + u2) * s[3] + v2];
            if (x == 0) {
              continue;
            }
            for (int ii = 0; ii < ig; ii++) {
              for (int u1 = 0; u1 < f[2]; u1++) {
                int src = ((ch * ig + ii) * f[2] + u1) * f[3];
                int dst = (((o * in + iBase + ii) * kh) + u1 + u2) * kw + v2;
                for (int v1 = 0; v1 < f[3]; v1++) {
                  r[dst + v1] += x * a[src + v1];
                }
              }
            }
          }
        }
      }
    }
    return Kernel.of(r, out, in, kh, kw);
  }

  private static int[] dims4(Kernel k) {
    int[] s = k.shape();
    return s.length == 4 ? s : new int[] {s[0], s[1], 1, 1};
  }

  private static Kernel identity(int n) {
    double[] d = new double[n * n];
    for (int j = 0; j < n; j++) {
      d[j * n + j] = 1;
    }
    return Kernel.of(d, n, n, 1, 1);
  }
}
