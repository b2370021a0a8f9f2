package dev.convcut.train;

import java.util.List;

/**
 * What a checkpoint stores to resume training exactly: the configuration, how many epochs and
 * optimizer steps are done, and the metrics so far. Random streams are derived from the seed and
 * the epoch number, so nothing else is needed to continue.
 */
public record TrainingState(TrainConfig config, int epochsDone, long optimizerSteps, List<EpochMetrics> history) {
  public TrainingState {
    history = List.copyOf(history);
  }
}
