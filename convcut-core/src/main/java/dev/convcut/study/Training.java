package dev.convcut.study;

import dev.convcut.Seeds;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.Augmentation;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.EvalSubset;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;
import dev.convcut.model.Network;
import dev.convcut.train.Optimizer;
import dev.convcut.train.TrainConfig;
import dev.convcut.train.Trainer;
import dev.convcut.train.TrainingState;

/**
 * Runs convcut's trainer ({@link Trainer}) for a study step: the recipe turned into a {@link
 * TrainConfig}, the training images (optionally a seeded subset), and evaluation after every
 * epoch on the step's evaluation set. The only place the study builds a trainer.
 */
public final class Training {
  private Training() {}

  /** The training images the recipe asks for: the whole split, or {@code trainImages} of it drawn from the recipe's seed. */
  public static ImageSet trainImages(ImageSet split, Recipe recipe) {
    if (recipe.trainImages() == 0 || recipe.trainImages() >= split.size()) {
      return split;
    }
    return EvalSet.copy(split, EvalSubset.draw(split, recipe.trainImages(), new Seeds(recipe.seed()).forPurpose("train-subset")).indices());
  }

  /** The trainer's configuration; the images are chosen by {@link #trainImages}, so its own limit is off. */
  public static TrainConfig config(Recipe r, Network net, String dataset) {
    Augmentation a = r.augmentation(dataset);
    return TrainConfig.builder().setModel(net.spec().model()).setDataset(dataset).optStem(net.spec().stem()).optEpochs(r.epochs())
        .optBatchSize(r.batchSize()).optOptimizer(r.optimizer()).optLr(r.lr()).optMomentum(r.momentum()).optNesterov(r.nesterov())
        .optWeightDecay(r.weightDecay()).optSchedule(r.schedule()).optLabelSmoothing(r.labelSmoothing()).optSeed(r.seed())
        .optAugmentation(a).build();
  }

  /**
   * Trains {@code net} in place and returns the final state; after every epoch {@code listener}
   * gets the metrics, evaluated on {@code eval}.
   *
   * @param optimizer the optimizer to use, or null for the recipe's
   */
  public static TrainingState train(Network net, Recipe recipe, String dataset, ImageSet train, EvalSet eval, Preprocessing pre,
      Optimizer optimizer, Trainer.EpochListener listener, boolean progress) {
    return train(net, recipe, dataset, train, eval, pre, optimizer, null, listener, progress);
  }

  /**
   * As {@link #train(Network, Recipe, String, ImageSet, EvalSet, Preprocessing, Optimizer, Trainer.EpochListener, boolean)},
   * continuing from {@code start} (null: epoch 0), whose optimizer state {@code optimizer} already holds.
   */
  public static TrainingState train(Network net, Recipe recipe, String dataset, ImageSet train, EvalSet eval, Preprocessing pre,
      Optimizer optimizer, TrainingState start, Trainer.EpochListener listener, boolean progress) {
    return trainer(net, recipe, dataset, train, eval, pre, progress).run(start, optimizer != null ? optimizer
        : config(recipe, net, dataset).newOptimizer(), listener);
  }

  /** The trainer of {@code recipe} on {@code train}, evaluating on {@code eval} after every epoch (null: not at all). */
  public static Trainer trainer(Network net, Recipe recipe, String dataset, ImageSet train, EvalSet eval, Preprocessing pre,
      boolean progress) {
    TrainConfig config = config(recipe, net, dataset);
    Normalization n = pre.normalization();
    return new Trainer(config, net, new BatchAssembler(train, n, config.augmentation()), eval == null ? null : eval.images(),
        eval == null ? null : eval.batches(), progress);
  }
}
