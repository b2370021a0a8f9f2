package dev.convcut.study;

import dev.convcut.train.Schedule;
import dev.convcut.train.TrainConfig;

/**
 * The training hyperparameters of a study step (training the model, re-training a truncated
 * one), as a study configuration file spells them.
 *
 * @param trainImages train on this many images of the training split, drawn once from the seed (0: all)
 * @param augment the dataset's standard training augmentation (crop and flip for CIFAR; the MNIST family has none)
 */
public record Recipe(int epochs, int batchSize, String optimizer, double lr, double momentum, double weightDecay, String schedule,
    double labelSmoothing, boolean augment, int trainImages, long seed) {

  public Recipe {
    if (!TrainConfig.OPTIMIZERS.contains(optimizer)) {
      throw new IllegalArgumentException("optimizer must be sgd or adam, got '" + optimizer + "'");
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
    new Schedule(schedule, lr, epochs, null, 0.1, 0);
  }

  public Recipe withEpochs(int n) {
    return new Recipe(n, batchSize, optimizer, lr, momentum, weightDecay, schedule, labelSmoothing, augment, trainImages, seed);
  }
}
