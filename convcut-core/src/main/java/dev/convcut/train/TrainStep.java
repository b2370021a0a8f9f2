package dev.convcut.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.convcut.engine.Torch;
import dev.convcut.model.Network;
import dev.convcut.model.Ops;
import dev.convcut.model.Param;
import java.util.List;

/**
 * One optimization step — forward in training mode with autograd, label-smoothed cross-entropy,
 * backward, optimizer update, gradients cleared — shared by the trainer and the speed benchmark
 * so both measure the same code.
 */
public final class TrainStep {
  private final Network net;
  private final Optimizer optimizer;
  private final double labelSmoothing;
  private final List<Param> params;
  private final List<Param> runningStats;
  private final Distillation distillation;
  private final boolean channelsLast;

  /** What one step produced: the batch's mean loss and its top-1 predictions. */
  public record Result(float loss, long[] predicted) {}

  public TrainStep(Network net, Optimizer optimizer, double labelSmoothing) {
    this(net, optimizer, labelSmoothing, null);
  }

  /** @param distillation a teacher to learn from as well as from the labels, or null */
  public TrainStep(Network net, Optimizer optimizer, double labelSmoothing, Distillation distillation) {
    this.net = net;
    this.distillation = distillation != null && distillation.weight() > 0 ? distillation : null;
    this.optimizer = optimizer;
    this.labelSmoothing = labelSmoothing;
    this.params = net.params().stream().filter(p -> p.role().trainable()).toList();
    params.forEach(p -> p.array().setRequiresGradient(true));
    this.runningStats = net.params().stream().filter(p -> !p.role().trainable()).toList();
    this.channelsLast = net.trainsChannelsLast();
  }

  /**
   * Runs one step on {@code input} (N×C×H×W float32) and {@code labels} (N, int64). Intermediate
   * arrays belong to the input's manager: close it after the step.
   *
   * <p>A step whose loss is not finite changes nothing when the optimizer leaves such steps out
   * ({@link Optimizer#skipsNonFinite()}): no update, and the BatchNorm running statistics that its
   * forward pass had already moved are put back. Without that, one non-finite forward pass poisons
   * the running statistics for good while every later training loss (which uses batch statistics)
   * stays finite — measured on a fine-tuned resnet20, whose evaluations all gave NaN logits after
   * one left-out step.
   */
  public Result run(NDArray input, NDArray labels, double lr) {
    List<float[]> saved = optimizer.skipsNonFinite() ? runningStats.stream().map(p -> p.array().toFloatArray()).toList() : null;
    float loss;
    long[] predicted;
    boolean apply;
    // The teacher runs before autograd starts recording: its arrays never take part in the backward pass.
    NDArray teacherLogits = distillation == null ? null : distillation.teacher().forward(input, false);
    try (GradientCollector gc = Torch.engine().newGradientCollector()) {
      NDArray logits = net.forward(channelsLast ? Ops.channelsLast(input) : input, true);
      NDArray l = Loss.crossEntropy(logits, labels, labelSmoothing);
      if (teacherLogits != null) {
        NDArray kd = Loss.distillation(logits, teacherLogits, distillation.temperature());
        l = l.mul((float) (1 - distillation.weight())).add(kd.mul((float) distillation.weight()));
      }
      loss = l.getFloat();
      predicted = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
      apply = Float.isFinite(loss) || saved == null;
      if (apply) {
        gc.backward(l);
      }
    }
    if (apply) {
      optimizer.step(params, lr);
    } else {
      for (int i = 0; i < saved.size(); i++) {
        runningStats.get(i).array().set(saved.get(i));
      }
    }
    for (Param p : params) {
      Ops.zeroGrad(p.array());
    }
    return new Result(loss, predicted);
  }
}
