package dev.convcut.api;

import dev.convcut.io.Progress;
import dev.convcut.tensorize.InferenceRuntime;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.TorchRuntime;
import dev.convcut.tensorize.select.AutoPlanner;
import dev.convcut.tensorize.select.CandidateGrid;
import dev.convcut.tensorize.select.Resource;
import java.util.Arrays;
import java.util.List;

/**
 * What an automatic compression aims at and how it measures: a target (a fraction of the
 * convolutions' parameters or multiply-adds, or the largest saving within a top-1 drop), the
 * images the candidates are scored on or the caller's {@link ModelEvaluator}, the methods and kept
 * fractions to try, and the speed gate (each candidate's factor chain timed against its dense
 * layer in a chosen runtime). Built as {@link SweepOptions} is: {@code set} for what is required,
 * {@code opt} for the rest; the defaults are {@code convcut compress}'s.
 */
public final class CompressOptions {
  private final Builder b;

  private CompressOptions(Builder b) {
    this.b = b;
  }

  public static Builder builder() {
    return new Builder();
  }

  AutoPlanner.Target target() {
    return b.target;
  }

  EvalData data() {
    return b.data;
  }

  ModelEvaluator evaluator() {
    return b.evaluator;
  }

  List<String> layers() {
    return b.layers;
  }

  List<Method> methods() {
    return b.methods;
  }

  List<Double> keeps() {
    return b.keeps;
  }

  double floor() {
    return b.floor;
  }

  double minSpeedup() {
    return b.minSpeedup;
  }

  String runtime() {
    return b.runtime;
  }

  int speedBatch() {
    return b.speedBatch;
  }

  Progress.Listener listener() {
    return b.listener;
  }

  /**
   * The builder: one target ({@link #setTargetParams}, {@link #setTargetMacs}, {@link #setMaxDrop}) and one
   * way to score are required ({@link #setData}: each candidate's top-1 on the images, the activations
   * before its layer computed once; {@link #setEvaluator}: one call per candidate, with its kernel in
   * place); the listener hears each layer in play, its candidates scored.
   */
  public static final class Builder extends ScoringBuilder<Builder> {
    private AutoPlanner.Target target;
    private int targets;
    private List<String> layers = List.of();
    private List<Method> methods = CandidateGrid.defaultMethods();
    private List<Double> keeps = CandidateGrid.DEFAULT_KEEPS;
    private double floor = 15;
    private double minSpeedup = 1.0;
    private String runtime = TorchRuntime.NAME;
    private int speedBatch = 128;

    private Builder() {}

    /** Keep at most {@code fraction} (in (0, 1)) of the convolutions' parameters. */
    public Builder setTargetParams(double fraction) {
      return target(AutoPlanner.Target.fraction(Resource.PARAMS, fraction));
    }

    /** Keep at most {@code fraction} (in (0, 1)) of the convolutions' multiply-adds. */
    public Builder setTargetMacs(double fraction) {
      return target(AutoPlanner.Target.fraction(Resource.MACS, fraction));
    }

    /** Save as many parameters as possible with top-1 at most {@code points} percentage points below the dense model's. */
    public Builder setMaxDrop(double points) {
      return target(AutoPlanner.Target.maxDrop(points));
    }

    private Builder target(AutoPlanner.Target t) {
      target = t;
      targets++;
      return this;
    }

    /** Convolutions in play (names or globs); default every convolution. Grouped ones are left dense. */
    public Builder optLayers(String... layers) {
      this.layers = List.of(layers);
      return this;
    }

    /** The methods to try (default {@link CandidateGrid#defaultMethods()}). */
    public Builder optMethods(Method... methods) {
      this.methods = List.of(methods);
      return this;
    }

    /** The kept fractions to try per method (default {@link CandidateGrid#DEFAULT_KEEPS}). */
    public Builder optKeeps(double... keeps) {
      this.keeps = Arrays.stream(keeps).boxed().toList();
      return this;
    }

    /** Stop trying a method's lower ranks once one scores {@code points} below the dense model (default 15). */
    public Builder optFloor(double points) {
      if (!(points > 0) || Double.isInfinite(points)) {
        throw new IllegalArgumentException("the floor must be a positive number of points, got " + points);
      }
      this.floor = points;
      return this;
    }

    /**
     * Only candidates whose factor chain runs at least {@code minSpeedup} times as fast as the dense
     * layer, timed in {@code runtime} ({@code "libtorch"}, {@code "onnxruntime"}); {@code minSpeedup}
     * 0 times nothing. Default: 1.0 in libtorch.
     */
    public Builder optSpeedGate(double minSpeedup, String runtime) {
      if (!(minSpeedup >= 0) || Double.isInfinite(minSpeedup)) {
        throw new IllegalArgumentException("the minimum speed-up must be 0 (no gate) or a positive number, got " + minSpeedup);
      }
      this.minSpeedup = minSpeedup;
      this.runtime = runtime == null ? TorchRuntime.NAME : runtime;
      if (minSpeedup > 0) {
        InferenceRuntime.named(this.runtime);
      }
      return this;
    }

    /** The batch the speed gate times each chain at (default 128). */
    public Builder optSpeedBatch(int batch) {
      if (batch < 1) {
        throw new IllegalArgumentException("the speed gate's batch must be >= 1, got " + batch);
      }
      this.speedBatch = batch;
      return this;
    }

    public CompressOptions build() {
      if (targets != 1) {
        throw new IllegalStateException("an automatic compression needs exactly one target: setTargetParams, setTargetMacs or"
            + " setMaxDrop (got " + targets + ")");
      }
      requireOneScoring("an automatic compression");
      if (methods.isEmpty() || keeps.isEmpty()) {
        throw new IllegalStateException("an automatic compression needs at least one method and one kept fraction");
      }
      return new CompressOptions(this);
    }
  }
}
