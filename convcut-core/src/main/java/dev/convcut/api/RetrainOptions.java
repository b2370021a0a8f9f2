package dev.convcut.api;

import dev.convcut.io.Progress;
import dev.convcut.study.Recipe;
import dev.convcut.train.Optimizer;
import dev.convcut.train.Schedule;

/**
 * How to re-train: the training images, how each epoch is scored (images or the caller's {@link
 * ModelEvaluator}), dense or projected, and the recipe (epochs, learning rate, optimizer, batch,
 * seed; a constant learning rate, as {@code convcut retrain} uses). Built as {@link SweepOptions}
 * is; the defaults are {@code convcut retrain}'s.
 */
public final class RetrainOptions {
  private final EvalData train;
  private final EvalData data;
  private final ModelEvaluator evaluator;
  private final boolean projected;
  private final Recipe recipe;
  private final Progress.Listener listener;

  private RetrainOptions(Builder b) {
    this.train = b.train;
    this.data = b.data;
    this.evaluator = b.evaluator;
    this.projected = b.projected;
    this.recipe = Recipe.builder().setEpochs(b.epochs).setBatchSize(b.batchSize).setLr(b.lr).optOptimizer(b.optimizer).optMomentum(b.momentum)
        .optWeightDecay(b.weightDecay).optSchedule(Schedule.Kind.CONSTANT).optAugment(b.augment).optSeed(b.seed).build();
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  EvalData train() {
    return train;
  }

  EvalData data() {
    return data;
  }

  ModelEvaluator evaluator() {
    return evaluator;
  }

  boolean projected() {
    return projected;
  }

  /** The recipe these options stand for (as a study configuration spells it). */
  public Recipe recipe() {
    return recipe;
  }

  Progress.Listener listener() {
    return listener;
  }

  /**
   * The builder: {@link #setTrainData} and one of {@link #setData} and {@link #setEvaluator} (the model
   * scored before training and after every epoch) are required; the listener hears every training step
   * (label {@code epoch E/N}, images).
   */
  public static final class Builder extends ScoringBuilder<Builder> {
    private EvalData train;
    private boolean projected;
    private int epochs = 3;
    private int batchSize = 128;
    private Optimizer.Kind optimizer = Optimizer.Kind.SGD;
    private double lr = 0.01;
    private double momentum = 0.9;
    private double weightDecay = 5e-4;
    private boolean augment = true;
    private long seed;

    private Builder() {}

    /** The images to train on ({@link EvalData#train}); the recipe's augmentation is applied to them. */
    public Builder setTrainData(EvalData train) {
      this.train = train;
      return this;
    }

    /** Re-truncate to the model's truncation ranks after every step (default: ordinary, dense training). */
    public Builder optProjected(boolean projected) {
      this.projected = projected;
      return this;
    }

    /** Epochs (default 3). */
    public Builder optEpochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Batch size (default 128). */
    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** {@code sgd} (default) or {@code adam}, with its momentum (SGD only; default 0.9). */
    public Builder optOptimizer(Optimizer.Kind optimizer, double momentum) {
      this.optimizer = optimizer;
      this.momentum = momentum;
      return this;
    }

    /** The learning rate, constant over the epochs (default 0.01). */
    public Builder optLr(double lr) {
      this.lr = lr;
      return this;
    }

    /** Weight decay (default 5e-4). */
    public Builder optWeightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /** Whether to train with the dataset's standard augmentation (default; none for the MNIST family). */
    public Builder optAugment(boolean augment) {
      this.augment = augment;
      return this;
    }

    /** The root seed of data order, augmentation and dropout (default 0). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public RetrainOptions build() {
      if (train == null) {
        throw new IllegalStateException("a re-training needs its training images: setTrainData(EvalData.train(...))");
      }
      requireOneScoring("a re-training");
      return new RetrainOptions(this);
    }
  }
}
