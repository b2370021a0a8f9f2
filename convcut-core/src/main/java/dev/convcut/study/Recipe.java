package dev.convcut.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.convcut.data.Augmentation;
import dev.convcut.data.Datasets;
import dev.convcut.train.Optimizer;
import dev.convcut.train.Schedule;
import dev.convcut.train.TrainConfig;

/**
 * The training hyperparameters of a study step (training the model, re-training a truncated
 * one), as a study configuration file spells them.
 *
 * <p>Build one with {@link #builder()}: the builder is the one place the defaults live. The value
 * stays a record because its components, in this order, are the study file's {@code train} and
 * {@code retrain} sections and part of the study's model cache key; Jackson reads it through the
 * canonical constructor, which validates.
 *
 * <p>{@code nesterov} and {@code cropPadding} are optional in a configuration file and left out of
 * the recipe's JSON when unset, so the cache key of a model trained before they existed is
 * unchanged.
 *
 * @param optimizer the optimizer (JSON: {@code sgd} or {@code adam})
 * @param schedule the learning-rate schedule (JSON: {@code constant}, {@code step} or {@code cosine})
 * @param trainImages train on this many images of the training split, drawn once from the seed (0: all)
 * @param augment the dataset's standard training augmentation (crop and flip for CIFAR; the MNIST family has none)
 * @param nesterov Nesterov momentum (SGD only)
 * @param cropPadding instead of the dataset's standard augmentation: a random crop after zero-padding by
 *     this many pixels, then a random horizontal flip (needs {@code augment}); null for the standard one
 */
public record Recipe(int epochs, int batchSize, Optimizer.Kind optimizer, double lr, double momentum, double weightDecay,
    Schedule.Kind schedule, double labelSmoothing, boolean augment, int trainImages, long seed,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nesterov,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer cropPadding) {

  public Recipe {
    if (optimizer == null) {
      throw new IllegalArgumentException("optimizer must be sgd or adam, got 'null'");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
    }
    if (batchSize < 2) {
      throw new IllegalArgumentException("batch size must be ≥ 2, got " + batchSize);
    }
    if (trainImages < 0) {
      throw new IllegalArgumentException("trainImages must be ≥ 0 (0 = the whole split), got " + trainImages);
    }
    if (nesterov && (optimizer != Optimizer.Kind.SGD || momentum <= 0)) {
      throw new IllegalArgumentException("nesterov needs the sgd optimizer with momentum > 0, got " + optimizer + " with momentum " + momentum);
    }
    if (cropPadding != null && (cropPadding < 1 || !augment)) {
      throw new IllegalArgumentException("cropPadding (a random crop after zero padding, plus a flip) must be ≥ 1 and needs augment true, got "
          + cropPadding + (augment ? "" : " with augment false"));
    }
    new Schedule(schedule, lr, epochs, null, 0.1, 0);
  }

  /** A builder: {@link Builder#setEpochs}, {@link Builder#setBatchSize} and {@link Builder#setLr} are required. */
  public static Builder builder() {
    return new Builder();
  }

  public Recipe withEpochs(int n) {
    return new Recipe(n, batchSize, optimizer, lr, momentum, weightDecay, schedule, labelSmoothing, augment, trainImages, seed, nesterov,
        cropPadding);
  }

  /** The augmentation of images held in memory that this recipe trains {@code dataset} with. */
  public Augmentation augmentation(String dataset) {
    if (!augment) {
      return Augmentation.NONE;
    }
    return cropPadding != null ? new Augmentation(cropPadding, true) : Datasets.standardAugmentation(dataset).inMemory();
  }

  /** Builds a {@link Recipe}; every {@code opt} has the default its javadoc names; {@link #build()} validates. */
  public static final class Builder {
    private Integer epochs;
    private Integer batchSize;
    private Double lr;
    private Optimizer.Kind optimizer = TrainConfig.DEFAULT_OPTIMIZER;
    private double momentum = TrainConfig.DEFAULT_MOMENTUM;
    private Double weightDecay;
    private Schedule.Kind schedule = TrainConfig.DEFAULT_SCHEDULE;
    private double labelSmoothing;
    private boolean augment;
    private int trainImages;
    private long seed;
    private boolean nesterov;
    private Integer cropPadding;

    private Builder() {}

    /** Epochs of training (required). */
    public Builder setEpochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Images per step (required). */
    public Builder setBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** The peak learning rate (required). */
    public Builder setLr(double lr) {
      this.lr = lr;
      return this;
    }

    /** The optimizer (default SGD). */
    public Builder optOptimizer(Optimizer.Kind optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    /** SGD's momentum (default 0.9). */
    public Builder optMomentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    /** L2 weight decay (default the optimizer's: {@link Optimizer.Kind#defaultWeightDecay()}). */
    public Builder optWeightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /** The learning-rate schedule (default cosine). */
    public Builder optSchedule(Schedule.Kind schedule) {
      this.schedule = schedule;
      return this;
    }

    /** Label smoothing (default 0). */
    public Builder optLabelSmoothing(double labelSmoothing) {
      this.labelSmoothing = labelSmoothing;
      return this;
    }

    /** The dataset's standard training augmentation (default off). */
    public Builder optAugment(boolean augment) {
      this.augment = augment;
      return this;
    }

    /** Train on this many images of the training split drawn from the seed (default 0: all). */
    public Builder optTrainImages(int trainImages) {
      this.trainImages = trainImages;
      return this;
    }

    /** The seed (default 0). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Nesterov momentum, SGD only (default off). */
    public Builder optNesterov(boolean nesterov) {
      this.nesterov = nesterov;
      return this;
    }

    /** A random crop after zero-padding by this many pixels plus a flip, instead of the standard augmentation (default none). */
    public Builder optCropPadding(Integer cropPadding) {
      this.cropPadding = cropPadding;
      return this;
    }

    /** The recipe; throws {@link IllegalArgumentException} naming the first value out of range. */
    public Recipe build() {
      if (epochs == null || batchSize == null || lr == null) {
        throw new IllegalStateException("a recipe needs setEpochs(int), setBatchSize(int) and setLr(double)");
      }
      return new Recipe(epochs, batchSize, optimizer, lr, momentum,
          weightDecay != null ? weightDecay : optimizer == null ? 0 : optimizer.defaultWeightDecay(), schedule, labelSmoothing,
          augment, trainImages, seed, nesterov, cropPadding);
    }
  }
}
