package dev.convcut.train;

import dev.convcut.data.Augmentation;
import java.util.List;

/**
 * Everything that decides a training run's numbers, as resolved from the command line: stored in
 * the checkpoint's training state and in {@code run.json}.
 *
 * @param optimizer {@code sgd} or {@code adam}
 * @param decayBiasAndNorm whether weight decay also applies to biases and BatchNorm parameters
 *     (PyTorch's default: yes)
 * @param evalEvery evaluate on the test split every this many epochs (and after the last); 0 never
 * @param cropPadding training augmentation: random crop after zero-padding by this many pixels (0: none)
 * @param flip training augmentation: random horizontal flip
 * @param trainLimit train on the first this many training images only (0: all)
 * @param resizedCrop training augmentation: torchvision's random resized crop of the original image
 *     (image folders), with the flip
 */
public record TrainConfig(String model, String dataset, String stem, int epochs, int batchSize, String optimizer,
    double lr, double momentum, boolean nesterov, double weightDecay, boolean decayBiasAndNorm, String schedule,
    List<Integer> milestones, double gamma, int warmupEpochs, double labelSmoothing, long seed, int evalEvery,
    int cropPadding, boolean flip, int trainLimit, boolean resizedCrop) {
  public static final List<String> OPTIMIZERS = List.of("sgd", "adam");

  public TrainConfig {
    if (!OPTIMIZERS.contains(optimizer)) {
      throw new IllegalArgumentException("optimizer must be sgd or adam, got '" + optimizer + "'");
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
    if (optimizer.equals("sgd")) {
      new Sgd(momentum, nesterov, weightDecay, decayBiasAndNorm);
    } else {
      new Adam(0.9, 0.999, 1e-8, weightDecay, decayBiasAndNorm);
    }
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
    return optimizer.equals("sgd")
        ? new Sgd(momentum, nesterov, weightDecay, decayBiasAndNorm)
        : new Adam(0.9, 0.999, 1e-8, weightDecay, decayBiasAndNorm);
  }

  /** Whether the optimizer carries state between steps (Adam's moments, SGD's momentum) that resuming must restore. */
  public boolean optimizerHasState() {
    return !optimizer.equals("sgd") || momentum > 0;
  }

  /** The same configuration with another number of epochs (to extend a resumed run). */
  public TrainConfig withEpochs(int n) {
    return new TrainConfig(model, dataset, stem, n, batchSize, optimizer, lr, momentum, nesterov, weightDecay,
        decayBiasAndNorm, schedule, milestones, gamma, warmupEpochs, labelSmoothing, seed, evalEvery, cropPadding, flip, trainLimit, resizedCrop);
  }
}
