package dev.convcut.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.data.ImageSet;
import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;
import dev.convcut.train.Batcher;

/**
 * Runs a network over a whole split in inference mode (running BatchNorm statistics, no dropout,
 * no gradient recording), in order, and tallies the results.
 */
public final class Evaluator {
  private Evaluator() {}

  /** Evaluates {@code net} on every image of {@code batcher}'s set, {@code batchSize} at a time. */
  public static EvalResult evaluate(Network net, Batcher batcher, int batchSize, Progress progress) {
    ImageSet set = batcher.set();
    int classes = net.spec().classes();
    Tally tally = new Tally(classes);
    int[] order = batcher.sequential();
    float[] x = new float[batchSize * set.imageBytes()];
    long[] y = new long[batchSize];
    boolean grad = Ops.gradMode(false);
    try {
      for (int from = 0; from < order.length; from += batchSize) {
        int n = Math.min(batchSize, order.length - from);
        batcher.fill(order, from, n, x, y, null);
        try (NDManager scope = net.manager().newSubManager()) {
          NDArray input = scope.create(java.nio.FloatBuffer.wrap(x, 0, n * set.imageBytes()),
              new Shape(n, set.channels(), set.height(), set.width()));
          NDArray logits = net.forward(input, false);
          tally.add(logits.toFloatArray(), y, n);
        }
        if (progress != null) {
          progress.step(n, String.format(java.util.Locale.ROOT, "top-1 %.2f%%", 100 * tally.top1()));
        }
      }
    } finally {
      Ops.gradMode(grad);
    }
    return tally.result(set.dataset(), set.split(), set.classes());
  }
}
