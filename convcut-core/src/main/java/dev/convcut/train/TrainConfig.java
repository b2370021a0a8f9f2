package dev.convcut.train;

import dev.convcut.data.Augmentation;
import dev.convcut.data.Datasets;
import dev.convcut.model.Stem;
import java.util.List;

/**
 * Everything that decides a training run's numbers, as resolved from the command line: stored in
 * the checkpoint's training state and in {@code run.json}.
 *
 * <p>Build one with {@link #builder()} ({@code set} for what is required, {@code opt} for the rest,
 * as DJL's configurations are): the builder is the one place the defaults live. The value stays a
 * record because its components, in this order, are the JSON of every checkpoint's training state
 * and {@code run.json} (Jackson reads and writes records through the canonical constructor, which
 * validates); a record's canonical constructor cannot be private, but it is for Jackson and
 * {@link #withEpochs}, not for callers.
 *
 * @param optimizer the optimizer (JSON: {@code sgd} or {@code adam})
 * @param schedule the learning-rate schedule (JSON: {@code constant}, {@code step} or {@code cosine})
 * @param decayBiasAndNorm whether weight decay also applies to biases and BatchNorm parameters
 *     (PyTorch's default: yes)
 * @param evalEvery evaluate on the test split every this many epochs (and after the last); 0 never
 * @param cropPadding training augmentation: random crop after zero-padding by this many pixels (0: none)
 * @param flip training augmentation: random horizontal flip
 * @param trainLimit train on the first this many training images only (0: all)
 * @param resizedCrop training augmentation: torchvision's random resized crop of the original image
 *     (image folders), with the flip
 */
public record TrainConfig(String model, String dataset, Stem stem, int epochs, int batchSize, Optimizer.Kind optimizer,
    double lr, double momentum, boolean nesterov, double weightDecay, boolean decayBiasAndNorm, Schedule.Kind schedule,
    List<Integer> milestones, double gamma, int warmupEpochs, double labelSmoothing, long seed, int evalEvery,
    int cropPadding, boolean flip, int trainLimit, boolean resizedCrop) {
  /** Epochs when none are given. */
  public static final int DEFAULT_EPOCHS = 15;
  /** Images per step when none are given. */
  public static final int DEFAULT_BATCH_SIZE = 128;
  /** The optimizer when none is given. */
  public static final Optimizer.Kind DEFAULT_OPTIMIZER = Optimizer.Kind.SGD;
  /** SGD's momentum when none is given. */
  public static final double DEFAULT_MOMENTUM = 0.9;
  /** The schedule when none is given. */
  public static final Schedule.Kind DEFAULT_SCHEDULE = Schedule.Kind.COSINE;
  /** The step schedule's factor when none is given. */
  public static final double DEFAULT_GAMMA = 0.1;
  /** How often the test split is scored when not said. */
  public static final int DEFAULT_EVAL_EVERY = 1;

  public TrainConfig {
    if (optimizer == null) {
      throw new IllegalArgumentException("optimizer must be sgd or adam, got 'null'");
    }
    if (batchSize < 2) {
      throw new IllegalArgumentException("batch size must be >= 2 (BatchNorm needs two images), got " + batchSize);
    }
    if (labelSmoothing < 0 || labelSmoothing >= 1) {
      throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
    }
    if (trainLimit < 0) {
      throw new IllegalArgumentException("the training-image limit must be >= 0, got " + trainLimit);
    }
    if (evalEvery < 0) {
      throw new IllegalArgumentException("eval-every must be >= 0, got " + evalEvery);
    }
    milestones = milestones == null ? List.of() : List.copyOf(milestones);
    new Augmentation(cropPadding, flip, resizedCrop);
    // Fields are not assigned yet inside a compact constructor: validate from the parameters.
    new Schedule(schedule, lr, epochs, milestones, gamma, warmupEpochs);
    optimizer.create(momentum, nesterov, weightDecay, decayBiasAndNorm);
  }

  /** A builder for the network {@code model} trained on {@code dataset} (both required). */
  public static Builder builder() {
    return new Builder();
  }

  /** The training augmentation. */
  public Augmentation augmentation() {
    return new Augmentation(cropPadding, flip, resizedCrop);
  }

  /** The learning-rate schedule this configuration describes. */
  public Schedule lrSchedule() {
    return new Schedule(schedule, lr, epochs, milestones, gamma, warmupEpochs);
  }

  /** A fresh optimizer of the configured kind. */
  public Optimizer newOptimizer() {
    return optimizer.create(momentum, nesterov, weightDecay, decayBiasAndNorm);
  }

  /** Whether the optimizer carries state between steps (Adam's moments, SGD's momentum) that resuming must restore. */
  public boolean optimizerHasState() {
    return optimizer.hasState(momentum);
  }

  /** The same configuration with another number of epochs (to extend a resumed run). */
  public TrainConfig withEpochs(int n) {
    return new TrainConfig(model, dataset, stem, n, batchSize, optimizer, lr, momentum, nesterov, weightDecay,
        decayBiasAndNorm, schedule, milestones, gamma, warmupEpochs, labelSmoothing, seed, evalEvery, cropPadding, flip, trainLimit, resizedCrop);
  }

  /**
   * Builds a {@link TrainConfig}: {@link #setModel} and {@link #setDataset} are required; every
   * {@code opt} has the default its javadoc names; {@link #build()} validates.
   */
  public static final class Builder {
    private String model;
    private String dataset;
    private Stem stem = Stem.CIFAR;
    private int epochs = DEFAULT_EPOCHS;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Optimizer.Kind optimizer = DEFAULT_OPTIMIZER;
    private Double lr;
    private double momentum = DEFAULT_MOMENTUM;
    private boolean nesterov;
    private Double weightDecay;
    private boolean decayBiasAndNorm = true;
    private Schedule.Kind schedule = DEFAULT_SCHEDULE;
    private List<Integer> milestones = List.of();
    private double gamma = DEFAULT_GAMMA;
    private int warmupEpochs;
    private double labelSmoothing;
    private long seed;
    private int evalEvery = DEFAULT_EVAL_EVERY;
    private Augmentation augmentation;
    private int trainLimit;

    private Builder() {}

    /** The architecture's name (required). */
    public Builder setModel(String model) {
      this.model = model;
      return this;
    }

    /** The dataset to train on (required). */
    public Builder setDataset(String dataset) {
      this.dataset = dataset;
      return this;
    }

    /** The ResNet stem (default {@code cifar}; null for an imported graph, which has none). */
    public Builder optStem(Stem stem) {
      this.stem = stem;
      return this;
    }

    /** Epochs in all (default 15). */
    public Builder optEpochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Images per step (default 128). */
    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** The optimizer (default SGD). */
    public Builder optOptimizer(Optimizer.Kind optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    /** The peak learning rate (default the optimizer's: {@link Optimizer.Kind#defaultLr()}). */
    public Builder optLr(double lr) {
      this.lr = lr;
      return this;
    }

    /** SGD's momentum (default 0.9). */
    public Builder optMomentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    /** Nesterov momentum, SGD only (default off). */
    public Builder optNesterov(boolean nesterov) {
      this.nesterov = nesterov;
      return this;
    }

    /** L2 weight decay (default the optimizer's: {@link Optimizer.Kind#defaultWeightDecay()}). */
    public Builder optWeightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /** Whether biases and BatchNorm parameters decay too (default yes, as PyTorch). */
    public Builder optDecayBiasAndNorm(boolean decayBiasAndNorm) {
      this.decayBiasAndNorm = decayBiasAndNorm;
      return this;
    }

    /** The learning-rate schedule (default cosine). */
    public Builder optSchedule(Schedule.Kind schedule) {
      this.schedule = schedule;
      return this;
    }

    /** The epochs at which the step schedule multiplies the rate by gamma (default none). */
    public Builder optMilestones(List<Integer> milestones) {
      this.milestones = milestones;
      return this;
    }

    /** The step schedule's factor (default 0.1). */
    public Builder optGamma(double gamma) {
      this.gamma = gamma;
      return this;
    }

    /** Linear warm-up epochs (default 0). */
    public Builder optWarmupEpochs(int warmupEpochs) {
      this.warmupEpochs = warmupEpochs;
      return this;
    }

    /** Label smoothing (default 0). */
    public Builder optLabelSmoothing(double labelSmoothing) {
      this.labelSmoothing = labelSmoothing;
      return this;
    }

    /** The root seed (default 0). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Score the test split every this many epochs and after the last; 0 never (default 1). */
    public Builder optEvalEvery(int evalEvery) {
      this.evalEvery = evalEvery;
      return this;
    }

    /** The training augmentation (default the dataset's standard one, {@link Datasets#standardAugmentation}). */
    public Builder optAugmentation(Augmentation augmentation) {
      this.augmentation = augmentation;
      return this;
    }

    /** Train on the first this many training images only (default 0: all). */
    public Builder optTrainLimit(int trainLimit) {
      this.trainLimit = trainLimit;
      return this;
    }

    /** The configuration; throws {@link IllegalArgumentException} naming the first value out of range. */
    public TrainConfig build() {
      if (model == null || dataset == null) {
        throw new IllegalStateException("a training configuration needs setModel(String) and setDataset(String)");
      }
      Augmentation a = augmentation != null ? augmentation : Datasets.standardAugmentation(dataset);
      return new TrainConfig(model, dataset, stem, epochs, batchSize, optimizer, lr != null ? lr : optimizer == null ? 0 : optimizer.defaultLr(),
          momentum, nesterov, weightDecay != null ? weightDecay : optimizer == null ? 0 : optimizer.defaultWeightDecay(), decayBiasAndNorm,
          schedule, milestones, gamma, warmupEpochs, labelSmoothing, seed, evalEvery, a.padding(), a.flip(), trainLimit,
          a.resizedCrop());
    }
  }
}
