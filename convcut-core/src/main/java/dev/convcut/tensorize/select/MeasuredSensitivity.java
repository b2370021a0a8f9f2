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
import dev.convcut.study.CandidateTask;
import dev.convcut.study.EvalSet;
import dev.convcut.study.RemoteEvaluations;
import dev.convcut.study.Score;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
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
 * do better. With {@link #on} the candidates are measured by the same code as tasks on a cluster.
 * Instead of images, the caller's own measure of the whole network may score each candidate
 * ({@link #byCaller}); each candidate then costs one call of it.
 */
public final class MeasuredSensitivity implements SensitivityTable {
  private static final Logger LOG = LoggerFactory.getLogger(MeasuredSensitivity.class);

  private final Network net;
  private final BatchAssembler assembler;
  private final ImageSet images;
  private final EvalSubset subset;
  private final ToDoubleFunction<Network> caller;
  private final String source;
  private Progress.Listener listener;
  private final int batchSize;
  private final double floor;
  private double baseline = Double.NaN;
  private long evaluations;
  private RemoteEvaluations remote;

  /** @param floor in percentage points, e.g. 15: stop descending a method's ranks below baseline − 15 */
  public MeasuredSensitivity(Network net, ImageSet images, BatchAssembler assembler, EvalSubset subset, int batchSize,
      double floor) {
    this(net, images, assembler, subset, "measured on " + subset, batchSize, floor);
  }

  /**
   * On an evaluation set's images, whole and in their order (the subset already drawn and copied),
   * as the driver and every executor of a remote measurement hold them.
   */
  public MeasuredSensitivity(Network net, EvalSet eval, int batchSize, double floor) {
    this(net, eval.images(), eval.batches(), EvalSubset.whole(eval.images()), "measured on " + eval.subset(), batchSize, floor);
  }

  private MeasuredSensitivity(Network net, ImageSet images, BatchAssembler assembler, EvalSubset subset, String source,
      int batchSize, double floor) {
    if (batchSize < 1 || !(floor > 0)) {
      throw new IllegalArgumentException("need a batch size >= 1 and a positive floor, got " + batchSize + " and " + floor);
    }
    this.net = net;
    this.images = images;
    this.assembler = assembler;
    this.subset = subset;
    this.source = source;
    this.batchSize = batchSize;
    this.floor = floor;
    this.caller = null;
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
   * Tells {@code listener} of every candidate scored in this JVM (label: the layer; total: its
   * candidates); a {@link java.util.concurrent.CancellationException} thrown there stops the
   * measurement with the layer's trained weight restored. Returns this.
   */
  public MeasuredSensitivity listener(Progress.Listener listener) {
    this.listener = listener;
    return this;
  }

  /**
   * Measures the candidates as tasks of {@code remote} (a cluster's executors, each with this
   * network's checkpoint and this subset's images) rather than in this JVM; the baseline and the
   * combined model are still scored here. Null measures in this JVM again.
   */
  public MeasuredSensitivity on(RemoteEvaluations remote) {
    this.remote = remote;
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
    return deltas(Map.of(layer, candidates)).get(layer);
  }

  /**
   * Every layer's candidates, measured in this JVM layer after layer, or with {@link #on} as tasks
   * of the remote evaluations, all layers at once; the figures are the same either way.
   */
  @Override
  public Map<String, Map<Candidate, Double>> deltas(Map<String, List<Candidate>> byLayer) {
    double base = baselineTop1();
    Map<String, List<List<Candidate>>> groups = new LinkedHashMap<>();
    byLayer.forEach((layer, candidates) -> groups.put(layer, groups(candidates)));
    Map<String, Map<Candidate, Double>> out = new LinkedHashMap<>();
    if (remote != null) {
      Map<String, List<Score>> scores = remotely(groups, base);
      groups.forEach((layer, g) -> out.put(layer,
          deltas(layer, g, scores.getOrDefault(layer, List.of()).stream().map(Score::top1).toList(), base)));
      return out;
    }
    for (Map.Entry<String, List<List<Candidate>>> e : groups.entrySet()) {
      long t0 = System.nanoTime();
      List<Double> top1;
      try (Progress bar = Progress.to(listener, e.getKey(), byLayer.get(e.getKey()).size(), "candidates")) {
        top1 = top1s(e.getKey(), kernels(e.getValue()), base, bar);
      }
      out.put(e.getKey(), deltas(e.getKey(), e.getValue(), top1, base));
      LOG.info("{}: {} of {} candidates measured in {} s", e.getKey(), top1.size(), byLayer.get(e.getKey()).size(),
          String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    }
    return out;
  }

  /**
   * Measures the layers' candidates as tasks of {@link #on}'s remote evaluations, one job for all:
   * some method groups of one layer per task, about two tasks per task slot; the scores per layer,
   * in the order the in-process run measures them.
   */
  private Map<String, List<Score>> remotely(Map<String, List<List<Candidate>>> groups, double base) {
    int total = groups.values().stream().mapToInt(List::size).sum();
    int perTask = Math.max(1, -Math.floorDiv(-total, 2 * Math.max(1, remote.parallelism())));
    List<CandidateTask> tasks = new ArrayList<>();
    for (Map.Entry<String, List<List<Candidate>>> e : groups.entrySet()) {
      List<List<float[]>> kernels = kernels(e.getValue());
      for (int from = 0; from < kernels.size(); from += perTask) {
        tasks.add(new CandidateTask(e.getKey(), kernels.subList(from, Math.min(kernels.size(), from + perTask)), base, floor));
      }
    }
    LOG.info("{} groups of candidates of {} layers in {} tasks on {}", total, groups.size(), tasks.size(), remote.describe());
    long t0 = System.nanoTime();
    Map<CandidateTask, List<Score>> byTask = new IdentityHashMap<>();
    remote.scoreCandidates(tasks, (task, scores) -> byTask.put(task, scores));
    Map<String, List<Score>> byLayer = new LinkedHashMap<>();
    for (CandidateTask task : tasks) { // in the order the in-process run measures them
      byLayer.computeIfAbsent(task.layer(), l -> new ArrayList<>()).addAll(byTask.get(task));
    }
    LOG.info("{} candidates measured in {} s on {}", byLayer.values().stream().mapToInt(List::size).sum(),
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9), remote.describe());
    return byLayer;
  }

  /**
   * What an executor runs for a remote task: the task's groups scored on {@code net} with {@code
   * eval}'s images, whole and in their order (the driver's subset), one score per kernel measured.
   */
  public static List<Score> score(Network net, EvalSet eval, int batchSize, CandidateTask task) {
    return new MeasuredSensitivity(net, eval, batchSize, task.floor()).top1s(task.layer(), task.groups(), task.baselineTop1(), null).stream()
        .map(t -> new Score(t, Double.NaN, Double.NaN, eval.size())).toList();
  }

  /** One method's candidates per group, each from the least to the most compressed: the order they are measured in. */
  private static List<List<Candidate>> groups(List<Candidate> candidates) {
    Map<String, List<Candidate>> byMethod = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      byMethod.computeIfAbsent(c.method().toString(), k -> new ArrayList<>()).add(c);
    }
    List<List<Candidate>> out = new ArrayList<>();
    for (List<Candidate> group : byMethod.values()) {
      group.sort(Comparator.comparingLong(Candidate::params).reversed());
      out.add(group);
    }
    return out;
  }

  private static List<List<float[]>> kernels(List<List<Candidate>> groups) {
    return groups.stream().map(g -> g.stream().map(c -> c.factorized().reconstruction()).toList()).toList();
  }

  /** Whether a group is left after a candidate of top-1 {@code top1}: more than the floor below the baseline. */
  private boolean belowFloor(double top1, double base) {
    return delta(top1, base) < -floor;
  }

  private static double delta(double top1, double base) {
    return 100 * (top1 - base);
  }

  /**
   * The top-1 of each kernel of each group put in place of {@code layer}'s weight, group after group,
   * a group left after its first kernel below the floor; the activations entering the layer's stage
   * are computed once, and the trained weight is restored; each kernel scored is a step of {@code
   * bar} (null: none).
   */
  private List<Double> top1s(String layer, List<List<float[]>> groups, double base, Progress bar) {
    int stage = net.stageOf(layer);
    return withInputs(stage, scorer -> {
      List<Double> out = new ArrayList<>();
      float[] trained = net.weight(layer);
      try {
        for (List<float[]> group : groups) {
          for (float[] kernel : group) {
            net.setWeight(layer, kernel);
            double top1 = scorer.getAsDouble();
            out.add(top1);
            if (bar != null) {
              bar.step(1, layer);
            }
            if (belowFloor(top1, base)) {
              break;
            }
          }
        }
      } finally {
        net.setWeight(layer, trained);
      }
      return out;
    });
  }

  /** The groups' candidates with their deltas, the measured ones in order: a group ends at its first one below the floor. */
  private Map<Candidate, Double> deltas(String layer, List<List<Candidate>> groups, List<Double> top1, double base) {
    Map<Candidate, Double> out = new LinkedHashMap<>();
    int next = 0;
    for (List<Candidate> group : groups) {
      for (Candidate c : group) {
        if (next == top1.size()) {
          throw new IllegalStateException(layer + ": " + top1.size() + " scores came back for more candidates than that");
        }
        double t = top1.get(next++);
        out.put(c, delta(t, base));
        evaluations++;
        if (belowFloor(t, base)) {
          break;
        }
      }
    }
    if (next != top1.size()) {
      throw new IllegalStateException(layer + ": " + top1.size() + " scores came back for " + next + " candidates measured");
    }
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
