package dev.convcut.tensorize;

import dev.convcut.InvalidRequestException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.data.DataOptions;
import dev.convcut.data.Split;
import dev.convcut.tensorize.select.AutoPlanner;
import dev.convcut.tensorize.select.CandidateGrid;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code convcut compress} was asked to do, resolved from the command line; stored in
 * {@code run.json}.
 *
 * <p>Build one with {@link #builder()} ({@code set} for what is required, {@code opt} for the rest,
 * as DJL's configurations are): the builder is the one place the defaults live. The value stays a
 * record because its components, in this order, are the {@code request} of {@code run.json}, which
 * Jackson writes from the record; a record's canonical constructor cannot be private, but callers
 * use the builder. {@link Manual}, two components, stays a plain record; {@link Auto} has its own
 * builder.
 *
 * @param layers layer name patterns (empty: every convolution)
 * @param manual the method and ranks for every chosen layer, or null in automatic mode
 * @param auto the automatic mode's settings, or null in manual mode
 * @param plan an earlier run's selection to apply again, or null
 * @param dataset the dataset to evaluate and fine-tune on, or null for the checkpoint's own
 * @param threads libtorch intra-op threads (0: all cores), also for the latency measurement
 */
public record CompressRequest(Path checkpoint, Path out, boolean force, List<String> layers, Manual manual, Auto auto,
    CompressPlan plan, FineTune.Settings finetune, Latency.Settings latency, int threads, String dataset, DataOptions data,
    int evalBatch, boolean progress, List<String> arguments) {

  public CompressRequest {
    layers = layers == null ? List.of() : List.copyOf(layers);
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
    int modes = (manual == null ? 0 : 1) + (auto == null ? 0 : 1) + (plan == null ? 0 : 1);
    if (modes != 1) {
      throw new InvalidRequestException("give either ", Setting.METHOD, " with ", Setting.RANK, "/", Setting.KEEP, "/",
          Setting.LOSS, ", one of ", Setting.TARGET_PARAMS, ", ", Setting.TARGET_MACS, ", ", Setting.MAX_DROP, ", or ", Setting.PLAN);
    }
    if (plan != null && !layers.isEmpty()) {
      throw new InvalidRequestException(Setting.PLAN, " names its layers itself: drop ", Setting.LAYERS);
    }
    if (threads < 0) {
      throw new InvalidSettingException(Setting.THREADS, threads, " must be a positive number, or 0 for all cores; got " + threads);
    }
    if (evalBatch < 1) {
      throw new InvalidSettingException(Setting.EVAL_BATCH, evalBatch, " must be >= 1, got " + evalBatch);
    }
  }

  /** A builder: {@code setCheckpoint}, {@code setOut} and one mode ({@code setManual}, {@code setAuto} or {@code setPlan}) are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** One method at one rank request for every chosen layer. */
  public record Manual(Method method, RankRequest ranks) {}

  /**
   * Automatic mode: the target, the methods and kept fractions to try, an optional sweep.csv to
   * take single-cut sensitivities from, and the evaluation subset (images of {@code split}, drawn
   * with {@code seed}) the rest are measured on; a method's lower ranks are skipped once one falls
   * {@code floor} points below the dense model; {@code minSpeedup} (0: off) is the speed gate, each
   * candidate's factor chain timed against its dense layer in the runtime {@code speedRuntime}
   * names ({@link InferenceRuntime#named}; null: libtorch).
   */
  public record Auto(AutoPlanner.Target target, List<Method> methods, List<Double> keeps, Path sweep, Split split,
      int images, long seed, double floor, double minSpeedup, String speedRuntime) {
    /** The split the sensitivities are measured on when none is given. */
    public static final Split DEFAULT_SPLIT = Split.TRAIN;
    /** Images of that split when not said. */
    public static final int DEFAULT_IMAGES = 2000;
    /** Points below the dense model at which a method's lower ranks are skipped, when not said. */
    public static final double DEFAULT_FLOOR = 15;
    /** The speed gate when not said. */
    public static final double DEFAULT_MIN_SPEEDUP = 1.0;

    public Auto {
      if (!(minSpeedup >= 0) || Double.isInfinite(minSpeedup)) {
        throw new InvalidSettingException(Setting.MIN_SPEEDUP, minSpeedup, " must be 0 (off) or a positive number, got " + minSpeedup);
      }
      speedRuntime = speedRuntime == null ? TorchRuntime.NAME : speedRuntime;
      InferenceRuntime.named(speedRuntime);
      methods = List.copyOf(methods);
      keeps = List.copyOf(keeps);
      if (images < 1) {
        throw new InvalidSettingException(Setting.SELECT_IMAGES, images, " must be >= 1, got " + images);
      }
    }

    /** A builder for automatic mode aiming at {@code target}. */
    public static Builder builder(AutoPlanner.Target target) {
      return new Builder(target);
    }

    /** Builds an {@link Auto}; every {@code opt} has the default its javadoc names. */
    public static final class Builder {
      private final AutoPlanner.Target target;
      private List<Method> methods = CandidateGrid.defaultMethods();
      private List<Double> keeps = CandidateGrid.DEFAULT_KEEPS;
      private Path sweep;
      private Split split = DEFAULT_SPLIT;
      private int images = DEFAULT_IMAGES;
      private long seed;
      private double floor = DEFAULT_FLOOR;
      private double minSpeedup = DEFAULT_MIN_SPEEDUP;
      private String speedRuntime;

      private Builder(AutoPlanner.Target target) {
        this.target = target;
      }

      /** The methods to try (default {@link CandidateGrid#defaultMethods()}). */
      public Builder optMethods(List<Method> methods) {
        this.methods = methods;
        return this;
      }

      /** The kept fractions to try per method (default {@link CandidateGrid#DEFAULT_KEEPS}). */
      public Builder optKeeps(List<Double> keeps) {
        this.keeps = keeps;
        return this;
      }

      /** A sweep.csv to take single-cut sensitivities from (default none: measure them). */
      public Builder optSweep(Path sweep) {
        this.sweep = sweep;
        return this;
      }

      /** The split the sensitivities are measured on (default the training split). */
      public Builder optSplit(Split split) {
        this.split = split;
        return this;
      }

      /** Images of that split to measure on (default 2000). */
      public Builder optImages(int images) {
        this.images = images;
        return this;
      }

      /** The seed of the image draw (default 0). */
      public Builder optSeed(long seed) {
        this.seed = seed;
        return this;
      }

      /** Skip a method's lower ranks once one falls this many points below dense (default 15). */
      public Builder optFloor(double floor) {
        this.floor = floor;
        return this;
      }

      /** Keep only candidates at least this many times as fast as the dense layer; 0 turns the timing off (default 1). */
      public Builder optMinSpeedup(double minSpeedup) {
        this.minSpeedup = minSpeedup;
        return this;
      }

      /** The runtime the speed gate times in, by {@link InferenceRuntime#named} name (default libtorch). */
      public Builder optSpeedRuntime(String speedRuntime) {
        this.speedRuntime = speedRuntime;
        return this;
      }

      public Auto build() {
        return new Auto(target, methods, keeps, sweep, split, images, seed, floor, minSpeedup, speedRuntime);
      }
    }
  }

  /** Builds a {@link CompressRequest}; every {@code opt} has the default its javadoc names; {@link #build()} validates. */
  public static final class Builder {
    private Path checkpoint;
    private Path out;
    private boolean force;
    private List<String> layers = List.of();
    private Manual manual;
    private Auto auto;
    private CompressPlan plan;
    private FineTune.Settings finetune = FineTune.Settings.DEFAULT;
    private Latency.Settings latency = Latency.Settings.DEFAULT;
    private int threads;
    private String dataset;
    private DataOptions data;
    private int evalBatch = 256;
    private boolean progress;
    private List<String> arguments = List.of();

    private Builder() {}

    /** The dense checkpoint to compress (required). */
    public Builder setCheckpoint(Path checkpoint) {
      this.checkpoint = checkpoint;
      return this;
    }

    /** The compressed checkpoint to write (required). */
    public Builder setOut(Path out) {
      this.out = out;
      return this;
    }

    /** Manual mode: one method and rank request for every chosen layer (one mode is required). */
    public Builder setManual(Manual manual) {
      this.manual = manual;
      return this;
    }

    /** Automatic mode (one mode is required). */
    public Builder setAuto(Auto auto) {
      this.auto = auto;
      return this;
    }

    /** An earlier run's selection to apply again (one mode is required). */
    public Builder setPlan(CompressPlan plan) {
      this.plan = plan;
      return this;
    }

    /** Replace an existing output (default no). */
    public Builder optForce(boolean force) {
      this.force = force;
      return this;
    }

    /** Layer names or globs to compress (default every convolution). */
    public Builder optLayers(List<String> layers) {
      this.layers = layers;
      return this;
    }

    /** Fine-tuning after compressing (default {@link FineTune.Settings#DEFAULT}: none). */
    public Builder optFineTune(FineTune.Settings finetune) {
      this.finetune = finetune;
      return this;
    }

    /** The latency measurement (default {@link Latency.Settings#DEFAULT}). */
    public Builder optLatency(Latency.Settings latency) {
      this.latency = latency;
      return this;
    }

    /** libtorch intra-op threads (default 0: all cores). */
    public Builder optThreads(int threads) {
      this.threads = threads;
      return this;
    }

    /** The dataset to evaluate and fine-tune on (default the checkpoint's). */
    public Builder optDataset(String dataset) {
      this.dataset = dataset;
      return this;
    }

    /** Where and how to read the data (default {@link DataOptions#defaults()}). */
    public Builder optData(DataOptions data) {
      this.data = data;
      return this;
    }

    /** Images per evaluation batch (default 256). */
    public Builder optEvalBatch(int evalBatch) {
      this.evalBatch = evalBatch;
      return this;
    }

    /** A progress bar on stderr during fine-tuning (default off). */
    public Builder optProgress(boolean progress) {
      this.progress = progress;
      return this;
    }

    /** The command line, recorded in run.json (default none). */
    public Builder optArguments(List<String> arguments) {
      this.arguments = arguments;
      return this;
    }

    /** The request; throws {@link IllegalArgumentException} when the mode or a value is wrong. */
    public CompressRequest build() {
      if (checkpoint == null || out == null) {
        throw new IllegalStateException("a compress request needs setCheckpoint(Path) and setOut(Path)");
      }
      return new CompressRequest(checkpoint, out, force, layers, manual, auto, plan, finetune, latency, threads, dataset,
          data != null ? data : DataOptions.defaults(), evalBatch, progress, arguments);
    }
  }
}
