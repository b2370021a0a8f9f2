package dev.convcut.study;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.eval.Tally;
import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Scores variants of one layer's weight on an evaluation set. The network before the layer's
 * stage computes the same activations for every variant, so {@link #variants} computes that
 * prefix once per batch and runs only the rest of the network per variant, swapping the weight
 * in place (and restoring the original afterwards). {@link #naive} runs a full forward per
 * variant: the benchmark's yardstick and the tests' reference. Inference mode, no autograd; each
 * batch's and each variant's native arrays are freed as soon as they are scored, so memory stays
 * flat however many variants are scored.
 */
public final class VariantScoring {
  private VariantScoring() {}

  /** The network as it is, with a full forward per batch. */
  public static Score full(Network net, EvalSet eval, int batchSize, Progress progress) {
    return Score.of(run(net, null, List.of(), eval, batchSize, progress, false, false).get(0));
  }

  /**
   * Which images of {@code eval} each variant of {@code layer}'s weight gets right (top-1), by
   * prefix reuse; with a null {@code layer}, the one network as it is. Bit {@code i} is image {@code
   * i} of the evaluation set, so two results pair up image by image.
   */
  public static List<BitSet> hits(Network net, String layer, List<float[]> variants, EvalSet eval, int batchSize) {
    return run(net, layer, variants, eval, batchSize, null, false, true).stream().map(Tally::hits).toList();
  }

  /** One score per variant of {@code layer}'s weight (flattened in PyTorch's layout), by prefix reuse. */
  public static List<Score> variants(Network net, String layer, List<float[]> variants, EvalSet eval, int batchSize,
      Progress progress) {
    return run(net, layer, variants, eval, batchSize, progress, false, false).stream().map(Score::of).toList();
  }

  /** The same scores as {@link #variants}, each from a full forward pass. */
  public static List<Score> naive(Network net, String layer, List<float[]> variants, EvalSet eval, int batchSize,
      Progress progress) {
    return run(net, layer, variants, eval, batchSize, progress, true, false).stream().map(Score::of).toList();
  }

  private static List<Tally> run(Network net, String layer, List<float[]> variants, EvalSet eval, int batchSize,
      Progress progress, boolean naive, boolean keepHits) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
    }
    int count = layer == null ? 1 : variants.size();
    int split = layer == null || naive ? 0 : net.stageOf(layer);
    int end = net.stages().size();
    // The engine copies a heap array into a fresh direct buffer on every write; direct buffers made
    // once per call keep weight swaps from allocating native memory per batch and variant.
    NDArray weight = layer == null ? null : net.layer(layer).weight().array();
    ByteBuffer original = layer == null ? null : direct(net.weight(layer));
    List<ByteBuffer> buffers = new ArrayList<>();
    for (float[] v : layer == null ? List.<float[]>of() : variants) {
      if (v.length != weight.size()) {
        throw new IllegalArgumentException("layer " + layer + " has " + weight.size() + " weights " + weight.getShape() + ", a variant has "
            + v.length);
      }
      buffers.add(direct(v));
    }
    List<Tally> tallies = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      tallies.add(new Tally(net.spec().classes(), keepHits));
    }
    int n = eval.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int floats = eval.batches().imageFloats();
    float[] x = new float[batchSize * floats];
    int[] labels = new int[batchSize];
    Shape image = new Shape(eval.images().channels(), eval.images().height(), eval.images().width());
    boolean grad = Ops.gradMode(false);
    try {
      for (int from = 0; from < n; from += batchSize) {
        int b = Math.min(batchSize, n - from);
        eval.batches().assemble(order, from, b, x, labels, null);
        try (NDManager scope = net.manager().newSubManager()) {
          NDArray input = scope.create(FloatBuffer.wrap(x, 0, b * floats), new Shape(b).addAll(image));
          NDArray prefix = net.forward(0, split, input, false);
          for (int v = 0; v < count; v++) {
            if (layer != null) {
              weight.set(buffers.get(v));
            }
            try (NDManager variant = scope.newSubManager()) {
              prefix.tempAttach(variant);
              tallies.get(v).add(net.forward(split, end, prefix, false).toFloatArray(), labels, b);
            }
          }
        }
        if (progress != null) {
          progress.step((long) b * count, String.format(java.util.Locale.ROOT, "top-1 %.2f%%", 100 * tallies.get(0).top1()));
        }
      }
    } finally {
      Ops.gradMode(grad);
      if (original != null) {
        weight.set(original);
      }
    }
    return tallies;
  }

  private static ByteBuffer direct(float[] values) {
    ByteBuffer b = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder());
    b.asFloatBuffer().put(values);
    return b;
  }
}
