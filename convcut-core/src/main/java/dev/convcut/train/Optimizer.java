package dev.convcut.train;

import ai.djl.ndarray.NDArray;
import dev.convcut.model.Param;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters in place from their gradients, as the PyTorch optimizer of the same name
 * does. Its state (momentum buffers, moment estimates, step count) can be saved and restored, so
 * a resumed run continues exactly.
 */
public interface Optimizer {
  /** Applies one update with learning rate {@code lr} to every trainable parameter that has a gradient. */
  void step(List<Param> params, double lr);

  /** Buffers keyed {@code KIND.PARAM}, e.g. {@code momentum_buffer.fc.weight}. */
  Map<String, NDArray> state();

  /** Restores buffers saved by {@link #state()}; the arrays are copied. */
  void loadState(Map<String, NDArray> state, long steps);

  /** Number of updates applied so far. */
  long steps();

  /**
   * Whether this optimizer leaves out a step whose gradients are not finite instead of applying
   * it, so the trainer may go on after a few such steps (it counts them) rather than stop.
   */
  default boolean skipsNonFinite() {
    return false;
  }

  /** Weight decay for a parameter: zero for biases and norm parameters when they are exempt. */
  static double decayFor(Param p, double weightDecay, boolean decayBiasAndNorm) {
    return !decayBiasAndNorm && p.role().biasOrNorm() ? 0 : weightDecay;
  }

  /**
   * {@code p}'s gradient with PyTorch's L2 weight decay added in place ({@code g ← g + wd·w}, no
   * decay for exempt parameters); the caller closes it.
   */
  static NDArray decayedGradient(Param p, double weightDecay, boolean decayBiasAndNorm) {
    NDArray w = p.array();
    NDArray g = w.getGradient();
    double wd = decayFor(p, weightDecay, decayBiasAndNorm);
    if (wd != 0) {
      try (NDArray decay = w.mul(wd)) {
        g.addi(decay);
      }
    }
    return g;
  }
}
