package dev.convcut.tensorize.select;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.EvalSubset;
import dev.convcut.data.ImageSet;
import dev.convcut.eval.Tally;
import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures sensitivity directly: for each candidate, the dense network's layer weight is
 * overwritten in place with the dense kernel the candidate's factor chain computes (exactly what
 * the factorized layer would output), the fixed evaluation subset is scored, and the trained
 * weight is restored. The activations entering the layer's stage are computed once per layer,
 * so each candidate costs only the rest of the network. Within one method, candidates are tried
 * from the least to the most compressed and the rest are skipped once one falls more than
 * {@code floor} points below the baseline: lower ranks of the same method are not expected to
 * do better. Instead of images, the caller's own measure of the whole network may score each
 * candidate ({@link #byCaller}); each candidate then costs one call of it.
 */
public final class MeasuredSensitivity implements SensitivityTable {
  private static final Logger LOG = LoggerFactory.getLogger(MeasuredSensitivity.class);

  private final Network net;
  private final BatchAssembler assembler;
  private final ImageSet images;
  private final EvalSubset subset;
  private final int batchSize;
  private final double floor;
  private final ToDoubleFunction<Network> caller;
  private final String source;
  private Progress.Listener listener;
  private double baseline = Double.NaN;
  private long evaluations;

  /** @param floor in percentage points, e.g. 15: stop descending a method's ranks below baseline − 15 */
  public MeasuredSensitivity(Network net, ImageSet images, BatchAssembler assembler, EvalSubset subset, int batchSize,
      double floor) {
    this(net, images, assembler, subset, batchSize, floor, "measured on " + subset);
  }

  /** As the other constructor, described as {@code source} in reports (when {@code images} is itself a subset copied out of a split). */
  public MeasuredSensitivity(Network net, ImageSet images, BatchAssembler assembler, EvalSubset subset, int batchSize,
      double floor, String source) {
    if (batchSize < 1 || !(floor > 0)) {
      throw new IllegalArgumentException("need a batch size >= 1 and a positive floor, got " + batchSize + " and " + floor);
    }
    this.net = net;
    this.images = images;
    this.assembler = assembler;
    this.subset = subset;
    this.batchSize = batchSize;
    this.floor = floor;
    this.caller = null;
    this.source = source;
  }

  private MeasuredSensitivity(Network net, ToDoubleFunction<Network> caller, String source, double floor) {
    if (!(floor > 0)) {
      throw new IllegalArgumentException("need a positive floor, got " + floor);
    }
    this.net = net;
    this.images = null;
    this.assembler = null;
    this.subset = null;
    this.batchSize = 0;
    this.floor = floor;
    this.caller = caller;
    this.source = source;
  }

  /**
   * Sensitivities scored by {@code top1}, the caller's measure of the whole network as it stands
   * (a fraction, higher is better), described as {@code source} in reports.
   */
  public static MeasuredSensitivity byCaller(Network net, ToDoubleFunction<Network> top1, String source, double floor) {
    return new MeasuredSensitivity(net, top1, source, floor);
  }

  /**
   * Tells {@code listener} of every candidate scored (label: the layer; total: its candidates); a
   * {@link java.util.concurrent.CancellationException} thrown there stops the measurement with the
   * layer's trained weight restored. Returns this.
   */
  public MeasuredSensitivity listener(Progress.Listener listener) {
    this.listener = listener;
    return this;
  }

  /** The dense network's top-1 on the subset (a fraction), measured once. */
  public double baselineTop1() {
    if (Double.isNaN(baseline)) {
      baseline = withInputs(0, DoubleSupplier::getAsDouble);
    }
    return baseline;
  }

  /** Candidates scored so far. */
  public long evaluations() {
    return evaluations;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Map<Candidate, Double> deltas(String layer, List<Candidate> candidates) {
    double base = baselineTop1();
    int stage = net.stageOf(layer);
    long t0 = System.nanoTime();
    Map<Candidate, Double> out = new LinkedHashMap<>();
    withInputs(stage, scorer -> {
      float[] trained = net.weight(layer);
      try (Progress bar = Progress.to(listener, layer, candidates.size(), "candidates")) {
        Map<String, List<Candidate>> byMethod = new LinkedHashMap<>();
        for (Candidate c : candidates) {
          byMethod.computeIfAbsent(c.method().toString(), k -> new ArrayList<>()).add(c);
        }
        for (List<Candidate> group : byMethod.values()) {
          group.sort(Comparator.comparingLong(Candidate::params).reversed());
          for (Candidate c : group) {
            net.setWeight(layer, c.factorized().reconstruction());
            double delta = 100 * (scorer.getAsDouble() - base);
            evaluations++;
            out.put(c, delta);
            bar.step(1, c.label());
            if (delta < -floor) {
              break;
            }
          }
        }
      } finally {
        net.setWeight(layer, trained);
      }
      return null;
    });
    LOG.info("{}: {} of {} candidates measured in {} s", layer, out.size(), candidates.size(),
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    return out;
  }

  /** Top-1 on the subset (a fraction) with several layers' weights replaced at once; the trained weights are restored. */
  public double top1With(Map<String, float[]> kernels) {
    Map<String, float[]> trained = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, float[]> e : kernels.entrySet()) {
        trained.put(e.getKey(), net.weight(e.getKey()));
        net.setWeight(e.getKey(), e.getValue());
      }
      return withInputs(0, DoubleSupplier::getAsDouble);
    } finally {
      trained.forEach(net::setWeight);
    }
  }

  /** The subset's batches as they enter stage {@code stage}, with their labels. */
  private record Inputs(List<NDArray> activations, List<int[]> labels) {}

  /**
   * {@code body} given a scorer of the network as it stands: the caller's measure, or top-1 on the
   * subset's batches computed up to stage {@code stage} once and run from there on each call.
   */
  private <T> T withInputs(int stage, Function<DoubleSupplier, T> body) {
    if (caller != null) {
      return body.apply(() -> caller.applyAsDouble(net));
    }
    boolean grad = Ops.gradMode(false);
    try (NDManager scope = net.manager().newSubManager()) {
      int[] idx = subset.indices();
      float[] x = new float[batchSize * assembler.imageFloats()];
      int[] y = new int[batchSize];
      List<NDArray> acts = new ArrayList<>();
      List<int[]> labels = new ArrayList<>();
      for (int from = 0; from < idx.length; from += batchSize) {
        int n = Math.min(batchSize, idx.length - from);
        assembler.assemble(idx, from, n, x, y, null);
        NDArray a;
        try (NDManager step = scope.newSubManager()) {
          // Created in the step's manager, so the earlier stages' intermediates go when it closes.
          NDArray in = step.create(FloatBuffer.wrap(x, 0, n * assembler.imageFloats()),
              new Shape(n, images.channels(), images.height(), images.width()));
          a = stage == 0 ? in : net.forward(0, stage, in, false);
          a.attach(scope);
        }
        acts.add(a);
        labels.add(java.util.Arrays.copyOf(y, n));
      }
      Inputs inputs = new Inputs(acts, labels);
      return body.apply(() -> score(stage, inputs));
    } finally {
      Ops.gradMode(grad);
    }
  }

  private double score(int stage, Inputs inputs) {
    Tally tally = new Tally(net.spec().classes());
    for (int b = 0; b < inputs.activations().size(); b++) {
      NDArray a = inputs.activations().get(b);
      try (NDManager step = net.manager().newSubManager()) {
        // Operations put results in their first input's manager: a copy in the step's manager keeps
        // every intermediate of this pass there.
        NDArray dup = a.duplicate();
        dup.attach(step);
        NDArray logits = net.forward(stage, net.stages().size(), dup, false);
        int[] l = inputs.labels().get(b);
        tally.add(logits.toFloatArray(), l, l.length);
      }
    }
    return tally.top1();
  }
}
