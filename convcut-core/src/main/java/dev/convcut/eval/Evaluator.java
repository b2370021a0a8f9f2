package dev.convcut.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.InvalidRequestException;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.ImageSet;
import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;

/**
 * Runs a network over a whole split in inference mode (running BatchNorm statistics folded into
 * the convolutions, no dropout, no gradient recording), in order, and tallies the results.
 */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Evaluates {@code net} on every image of {@code set} in order, {@code batchSize} at a time,
   * with batches from {@code batches} (which must not augment).
   */
  public static EvalResult evaluate(Network net, ImageSet set, BatchAssembler batches, int batchSize, Progress progress) {
    if (set.channels() != net.spec().channels() || set.height() != net.spec().height() || set.width() != net.spec().width()) {
      throw new dev.convcut.InvalidRequestException(set.dataset() + " images are " + set.channels() + "x" + set.height() + "x"
          + set.width() + " but the network takes " + net.spec().inputShape());
    }
    int classes = net.spec().classes();
    Tally tally = new Tally(classes);
    int[] order = new int[set.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    float[] x = new float[batchSize * set.imageBytes()];
    int[] y = new int[batchSize];
    boolean grad = Ops.gradMode(false);
    try (Network.Inference inference = net.inference()) {
      for (int from = 0; from < order.length; from += batchSize) {
        int n = Math.min(batchSize, order.length - from);
        batches.assemble(order, from, n, x, y, null);
        try (NDManager scope = net.manager().newSubManager()) {
          NDArray input = scope.create(java.nio.FloatBuffer.wrap(x, 0, n * set.imageBytes()),
              new Shape(n, set.channels(), set.height(), set.width()));
          NDArray logits = inference.forward(input);
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
