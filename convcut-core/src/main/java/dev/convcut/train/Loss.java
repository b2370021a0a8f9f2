package dev.convcut.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Mean cross-entropy over a batch with PyTorch's label smoothing ε:
 * {@code (1−ε)·(−log p_y) + ε·mean_c(−log p_c)}.
 */
public final class Loss {
  private Loss() {}

  /** The loss as a scalar array that autograd can differentiate. {@code labels} are int64. */
  public static NDArray crossEntropy(NDArray logits, NDArray labels, double smoothing) {
    NDArray logp = logits.logSoftmax(1);
    NDArray nll = logp.get(new NDIndex().addAllDim().addPickDim(labels)).neg();
    if (smoothing == 0) {
      return nll.mean();
    }
    NDArray uniform = logp.mean(new int[] {1}).neg();
    return nll.mul(1 - smoothing).add(uniform.mul(smoothing)).mean();
  }

  /**
   * Hinton's distillation term {@code T²·mean_batch KL(softmax(teacher/T) ‖ softmax(student/T))},
   * as PyTorch's {@code F.kl_div(F.log_softmax(s/T, 1), F.softmax(t/T, 1), reduction="batchmean") * T*T};
   * the T² keeps its gradients on the scale of the cross-entropy's.
   */
  public static NDArray distillation(NDArray student, NDArray teacher, double temperature) {
    float t = (float) temperature;
    NDArray logQ = student.div(t).logSoftmax(1);
    NDArray logP = teacher.div(t).logSoftmax(1);
    return logP.exp().mul(logP.sub(logQ)).sum(new int[] {1}).mean().mul(t * t);
  }
}
