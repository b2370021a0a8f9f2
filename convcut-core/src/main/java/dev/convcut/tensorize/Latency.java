package dev.convcut.tensorize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.model.Conv2d;
import dev.convcut.model.Init;
import dev.convcut.model.LayerForm;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Measured CPU inference latency of a dense and a compressed network side by side: the same
 * random batch, the same engine threads, inference mode without autograd, {@code warmup}
 * untimed passes, then {@code repeats} timed samples of each, alternating which goes first so
 * load from other processes falls on both alike; the median is reported. A sample runs as many
 * passes as make it last about {@value #SAMPLE_MS} ms (fast single layers), the same number on
 * both sides. Each sample records wall time and the CPU time of all the process's threads
 * ({@link ProcessCpu}): on an idle machine wall time is the latency, while on a shared one
 * (other processes taking the cores) the CPU time still measures the work itself. Per layer, the
 * dense convolution and its factor chain are timed the same way on a batch of the layer's input
 * shape.
 */
public final class Latency {
  static final int SAMPLE_MS = 50;

  private Latency() {}

  /** Median wall-clock and process-CPU milliseconds per batch, dense and factorized. */
  public record Pair(double denseMs, double factorizedMs, double denseCpuMs, double factorizedCpuMs) {
    /** How many times faster the factorized side is, by wall time. */
    public double speedup() {
      return denseMs / factorizedMs;
    }

    /** How many times less CPU time the factorized side takes. */
    public double cpuSpeedup() {
      return denseCpuMs / factorizedCpuMs;
    }
  }

  /** The settings: batch size, untimed and timed passes. */
  public record Settings(int batch, int warmup, int repeats) {
    /** Batch 128, 3 untimed passes, 20 timed ones. */
    public static final Settings DEFAULT = new Settings(128, 3, 20);

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
    try (Network.Inference d = dense.inference(); Network.Inference c = compressed.inference()) {
      return time(dense.manager(), new Shape(s.batch(), spec.channels(), spec.height(), spec.width()), d::forward, c::forward, s);
    }
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

  /**
   * One layer on its own: a dense convolution of {@code layer}'s geometry against the chain of
   * {@code form}, both with random weights (the time does not depend on the values), on a random
   * batch of the layer's input shape.
   */
  public static Pair chain(NDManager parent, DenseConv layer, LayerForm form, Settings s) {
    try (NDManager m = parent.newSubManager()) {
      Init init = new Init(m, 0);
      Conv2d d = new Conv2d(layer.name(), layer.spec(), layer.inH(), layer.inW(), LayerForm.dense(), init, false);
      Conv2d f = new Conv2d(layer.name(), layer.spec(), layer.inH(), layer.inW(), form, init, false);
      Shape in = new Shape(s.batch(), layer.spec().inChannels(), layer.inH(), layer.inW());
      return time(m, in, x -> d.forward(x, false), x -> f.forward(x, false), s);
    }
  }

  private static Pair time(NDManager parent, Shape shape, UnaryOperator<NDArray> a, UnaryOperator<NDArray> b, Settings s) {
    boolean grad = Ops.gradMode(false);
    try (NDManager m = parent.newSubManager()) {
      NDArray x = m.randomNormal(shape);
      return alternate(passes -> once(m, x, a, passes), passes -> once(m, x, b, passes), s);
    } finally {
      Ops.gradMode(grad);
    }
  }

  /**
   * Runs {@code passes} forward passes of one side and returns its wall and process-CPU
   * milliseconds per pass; whatever it prepares per pass (a copy of the input) stays untimed.
   */
  @FunctionalInterface
  public interface Sampler {
    double[] sample(int passes);
  }

  /**
   * Times two sides as {@link #model} does, whatever runs them (libtorch, ONNX Runtime):
   * {@code warmup} untimed single passes of each, then {@code repeats} samples of each of as many
   * passes as make the slower side's sample about {@value #SAMPLE_MS} ms, alternating which goes
   * first; medians.
   */
  public static Pair alternate(Sampler a, Sampler b, Settings s) {
    double slowest = 0;
    for (int w = 0; w < Math.max(1, s.warmup()); w++) {
      slowest = Math.max(a.sample(1)[0], b.sample(1)[0]);
    }
    int passes = (int) Math.max(1, Math.min(100, Math.ceil(SAMPLE_MS / Math.max(slowest, 1e-3))));
    double[][] ta = new double[2][s.repeats()];
    double[][] tb = new double[2][s.repeats()];
    for (int r = 0; r < s.repeats(); r++) {
      if (r % 2 == 0) {
        record(ta, r, a.sample(passes));
        record(tb, r, b.sample(passes));
      } else {
        record(tb, r, b.sample(passes));
        record(ta, r, a.sample(passes));
      }
    }
    return new Pair(median(ta[0]), median(tb[0]), median(ta[1]), median(tb[1]));
  }

  private static void record(double[][] t, int r, double[] pass) {
    t[0][r] = pass[0];
    t[1][r] = pass[1];
  }

  /** Wall and process-CPU milliseconds per pass over {@code passes} passes; their arrays are freed as they go. */
  private static double[] once(NDManager m, NDArray x, UnaryOperator<NDArray> f, int passes) {
    PassClock clock = new PassClock();
    for (int p = 0; p < passes; p++) {
      try (NDManager step = m.newSubManager()) {
        NDArray in = x.duplicate();
        in.attach(step);
        clock.start();
        // libtorch's CPU kernels are synchronous: the output exists when forward returns.
        f.apply(in);
        clock.stop();
      }
    }
    return clock.perPass(passes);
  }

  /** Adds up the wall and process-CPU time of the timed parts of passes (set-up between them is not counted). */
  public static final class PassClock {
    private long wall;
    private long cpu;
    private long wall0;
    private long cpu0;

    public void start() {
      cpu0 = ProcessCpu.nanos();
      wall0 = System.nanoTime();
    }

    public void stop() {
      wall += System.nanoTime() - wall0;
      cpu += ProcessCpu.nanos() - cpu0;
    }

    /** {wall, cpu} milliseconds per pass. */
    public double[] perPass(int passes) {
      return new double[] {wall / 1e6 / passes, cpu / 1e6 / passes};
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
