package dev.convcut.study;

import dev.convcut.Seeds;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.EvalSubset;
import dev.convcut.data.ImageSet;
import dev.convcut.model.Network;
import dev.convcut.train.Batcher;
import dev.convcut.train.Optimizer;
import dev.convcut.train.TrainConfig;
import dev.convcut.train.Trainer;
import dev.convcut.train.TrainingState;
import java.util.List;

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

  public static TrainConfig config(Recipe r, Network net, String dataset) {
    return new TrainConfig(net.spec().model(), dataset, net.spec().stem(), r.epochs(), r.batchSize(), r.optimizer(), r.lr(),
        r.momentum(), false, r.weightDecay(), true, r.schedule(), List.of(), 0.1, 0, r.labelSmoothing(), r.seed(), 1, r.augment());
  }

  /**
   * Trains {@code net} in place and returns the final state; after every epoch {@code listener}
   * gets the metrics, evaluated on {@code eval}.
   *
   * @param optimizer the optimizer to use, or null for the recipe's
   */
  public static TrainingState train(Network net, Recipe recipe, String dataset, ImageSet train, EvalSet eval, Preprocessing pre,
      Optimizer optimizer, Trainer.EpochListener listener, boolean progress) {
    TrainConfig config = config(recipe, net, dataset);
    Trainer trainer = new Trainer(config, net, new Batcher(train, pre, config.augment()), new Batcher(eval.images(), pre, false),
        progress);
    return trainer.run(null, optimizer != null ? optimizer : config.newOptimizer(), listener);
  }
}
