package dev.convcut.interop.onnx;

import dev.convcut.model.ModelSpec;
import dev.convcut.model.Network;
import dev.convcut.tensorize.Latency;
import java.util.Random;

/**
 * Inference latency of a dense and a compressed network in ONNX Runtime, measured as {@link
 * Latency#model} measures it in libtorch: both exported with BatchNorm folded (what {@code
 * convcut export --format onnx} writes), the same random batch, {@code threads} intra-op threads,
 * untimed warm-up passes, then alternating timed samples, medians of wall and process CPU time.
 */
public final class OrtLatency {
  private OrtLatency() {}

  /** Median milliseconds per batch of {@code dense} and {@code compressed} in ONNX Runtime. */
  public static Latency.Pair model(Network dense, Network compressed, Latency.Settings s, int threads) {
    ModelSpec spec = dense.spec();
    long[] shape = {s.batch(), spec.channels(), spec.height(), spec.width()};
    float[] x = new float[Math.toIntExact(shape[0] * shape[1] * shape[2] * shape[3])];
    Random r = new Random(0);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    try (OrtModel d = OrtModel.load(OnnxExport.model(dense, true).toByteArray(), threads, "the dense model");
        OrtModel c = OrtModel.load(OnnxExport.model(compressed, true).toByteArray(), threads, "the compressed model");
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
