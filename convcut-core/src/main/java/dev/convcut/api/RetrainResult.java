package dev.convcut.api;

import dev.convcut.study.Retraining;
import dev.convcut.train.EpochMetrics;
import java.util.List;

/**
 * A re-training's outcome: the re-trained model (the caller closes it, or this result) and its
 * curve, epoch 0 being the model before training, as the rows of {@code retrain.csv} have it; with
 * a {@link ModelEvaluator} each score's top-1 is the evaluator's value and top-5 and loss are NaN.
 *
 * @param history the trainer's metrics per epoch (training loss and accuracy, learning rate, time)
 */
public record RetrainResult(Model model, List<Retraining.Epoch> curve, List<EpochMetrics> history) implements AutoCloseable {
  public RetrainResult {
    curve = List.copyOf(curve);
    history = List.copyOf(history);
  }

  /** Top-1 per epoch, epoch 0 first. */
  public List<Double> top1() {
    return curve.stream().map(e -> e.score().top1()).toList();
  }

  @Override
  public void close() {
    model.close();
  }
}
