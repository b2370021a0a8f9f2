package dev.convcut.tensorize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.model.Conv2d;
import java.util.function.UnaryOperator;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measured CPU inference latency of a dense and a compressed network side by side: the same
 * random batch, the same engine threads, inference mode without autograd, {@code warmup}
 * untimed passes, then {@code repeats} timed passes of each, alternating which goes first so
 * load from other processes falls on both alike; the median is reported. Per layer, the dense
 * convolution and its factor chain are timed the same way on a batch of the layer's input shape.
 */
public final class Latency {
  private Latency() {}

  /** Median milliseconds per batch, dense and factorized. */
  public record Pair(double denseMs, double factorizedMs) {
    /** How many times faster the factorized side is. */
    public double speedup() {
      return denseMs / factorizedMs;
    }
  }

  /** The settings: batch size, untimed and timed passes. */
  public record Settings(int batch, int warmup, int repeats) {
    public Settings {
      if (batch < 1 || warmup < 0 || repeats < 1) {
        throw new IllegalArgumentException("latency needs batch >= 1, warmup >= 0, repeats >= 1; got " + batch + ", "
            + warmup + ", " + repeats);
      }
    }
  }

  /** Whole-network latency on a random {@code batch × C × size × size} input. */
  public static Pair model(Network dense, Network compressed, Settings s) {
    var spec = dense.spec();
    return time(dense.manager(), new Shape(s.batch(), spec.channels(), spec.size(), spec.size()),
        x -> dense.forward(x, false), x -> compressed.forward(x, false), s);
  }

  /** Per layer: the dense convolution of {@code dense} against the factorized one of {@code compressed}. */
  public static Map<String, Pair> layers(Network dense, Network compressed, List<String> layers, Settings s) {
    Map<String, Pair> out = new LinkedHashMap<>();
    for (String name : layers) {
      Conv2d d = (Conv2d) dense.layer(name);
      Conv2d f = (Conv2d) compressed.layer(name);
      Shape in = new Shape(s.batch(), d.spec().inChannels(), d.inputHeight(), d.inputWidth());
      out.put(name, time(dense.manager(), in, x -> d.forward(x, false), x -> f.forward(x, false), s));
    }
    return out;
  }

  private static Pair time(NDManager parent, Shape shape, UnaryOperator<NDArray> a, UnaryOperator<NDArray> b, Settings s) {
    boolean grad = Ops.gradMode(false);
    try (NDManager m = parent.newSubManager()) {
      NDArray x = m.randomNormal(shape);
      for (int w = 0; w < s.warmup(); w++) {
        once(m, x, a);
        once(m, x, b);
      }
      double[] ta = new double[s.repeats()];
      double[] tb = new double[s.repeats()];
      for (int r = 0; r < s.repeats(); r++) {
        if (r % 2 == 0) {
          ta[r] = once(m, x, a);
          tb[r] = once(m, x, b);
        } else {
          tb[r] = once(m, x, b);
          ta[r] = once(m, x, a);
        }
      }
      return new Pair(median(ta), median(tb));
    } finally {
      Ops.gradMode(grad);
    }
  }

  /** Milliseconds for one pass; its arrays are freed before returning. */
  private static double once(NDManager m, NDArray x, UnaryOperator<NDArray> f) {
    try (NDManager step = m.newSubManager()) {
      NDArray in = x.duplicate();
      in.attach(step);
      long t0 = System.nanoTime();
      // libtorch's CPU kernels are synchronous: the output exists when forward returns.
      f.apply(in);
      return (System.nanoTime() - t0) / 1e6;
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
