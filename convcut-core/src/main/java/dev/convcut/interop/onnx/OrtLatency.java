package dev.convcut.interop.onnx;

import ai.djl.ndarray.NDManager;
import dev.convcut.model.Conv2d;
import dev.convcut.model.Init;
import dev.convcut.model.LayerForm;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Network;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.Latency;
import java.util.Random;

/**
 * Inference latency of a dense and a compressed network, or of one layer's dense convolution and
 * its factor chain, in ONNX Runtime, measured as {@link Latency} measures it in libtorch: both
 * exported with BatchNorm folded (what {@link OnnxExport} writes), the same
 * random batch, {@code threads} intra-op threads, untimed warm-up passes, then alternating timed
 * samples, medians of wall and process CPU time.
 */
public final class OrtLatency {
  private OrtLatency() {}

  /** Median milliseconds per batch of {@code dense} and {@code compressed} in ONNX Runtime. */
  public static Latency.Pair model(Network dense, Network compressed, Latency.Settings s, int threads) {
    ModelSpec spec = dense.spec();
    long[] shape = {s.batch(), spec.channels(), spec.height(), spec.width()};
    return files(OnnxExport.model(dense, true).toByteArray(), OnnxExport.model(compressed, true).toByteArray(), shape, s,
        threads);
  }

  /**
   * A dense convolution of {@code layer}'s geometry against the chain of {@code form}, random
   * weights, on a random batch of the layer's input shape, each exported alone ({@link
   * OnnxExport#layer}).
   */
  public static Latency.Pair chain(NDManager parent, DenseConv layer, LayerForm form, Latency.Settings s, int threads) {
    byte[] d;
    byte[] f;
    try (NDManager m = parent.newSubManager()) {
      Init init = new Init(m, 0);
      d = OnnxExport.layer(new Conv2d(layer.name(), layer.spec(), layer.inH(), layer.inW(), LayerForm.dense(), init, false), m)
          .toByteArray();
      f = OnnxExport.layer(new Conv2d(layer.name(), layer.spec(), layer.inH(), layer.inW(), form, init, false), m)
          .toByteArray();
    }
    return files(d, f, new long[] {s.batch(), layer.spec().inChannels(), layer.inH(), layer.inW()}, s, threads);
  }

  /**
   * Two serialized ONNX models with the same input, timed side by side on one random N(0,1) input
   * of {@code shape} (seed 0).
   */
  public static Latency.Pair files(byte[] a, byte[] b, long[] shape, Latency.Settings s, int threads) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] x = new float[Math.toIntExact(n)];
    Random r = new Random(0);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    try (OrtModel d = OrtModel.load(a, threads, "the dense model");
        OrtModel c = OrtModel.load(b, threads, "the compressed model");
        OrtModel.Batch bd = d.batch(x, shape);
        OrtModel.Batch bc = c.batch(x, shape)) {
      return Latency.alternate(passes -> sample(d, bd, passes), passes -> sample(c, bc, passes), s);
    }
  }

  private static double[] sample(OrtModel m, OrtModel.Batch x, int passes) {
    Latency.PassClock clock = new Latency.PassClock();
    for (int p = 0; p < passes; p++) {
      clock.start();
      m.runDiscarding(x);
      clock.stop();
    }
    return clock.perPass(passes);
  }
}
