package dev.convcut.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.convcut.data.Augmentation;
import dev.convcut.data.Datasets;
import dev.convcut.train.Schedule;
import dev.convcut.train.TrainConfig;

/**
 * The training hyperparameters of a study step (training the model, re-training a truncated
 * one), as a study configuration file spells them.
 *
 * <p>{@code nesterov} and {@code cropPadding} are optional in a configuration file and left out of
 * the recipe's JSON when unset, so the cache key of a model trained before they existed is
 * unchanged.
 *
 * @param trainImages train on this many images of the training split, drawn once from the seed (0: all)
 * @param augment the dataset's standard training augmentation (crop and flip for CIFAR; the MNIST family has none)
 * @param nesterov Nesterov momentum (SGD only)
 * @param cropPadding instead of the dataset's standard augmentation: a random crop after zero-padding by
 *     this many pixels, then a random horizontal flip (needs {@code augment}); null for the standard one
 */
public record Recipe(int epochs, int batchSize, String optimizer, double lr, double momentum, double weightDecay, String schedule,
    double labelSmoothing, boolean augment, int trainImages, long seed,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nesterov,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer cropPadding) {

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
    if (nesterov && (!optimizer.equals("sgd") || momentum <= 0)) {
      throw new IllegalArgumentException("nesterov needs the sgd optimizer with momentum > 0, got " + optimizer + " with momentum " + momentum);
    }
    if (cropPadding != null && (cropPadding < 1 || !augment)) {
      throw new IllegalArgumentException("cropPadding (a random crop after zero padding, plus a flip) must be ≥ 1 and needs augment true, got "
          + cropPadding + (augment ? "" : " with augment false"));
    }
    new Schedule(schedule, lr, epochs, null, 0.1, 0);
  }

  /** A recipe without Nesterov momentum and with the dataset's standard augmentation (or none). */
  public Recipe(int epochs, int batchSize, String optimizer, double lr, double momentum, double weightDecay, String schedule,
      double labelSmoothing, boolean augment, int trainImages, long seed) {
    this(epochs, batchSize, optimizer, lr, momentum, weightDecay, schedule, labelSmoothing, augment, trainImages, seed, false, null);
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
}
