package dev.convcut.train;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonCreator;
import dev.convcut.io.Spelled;
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

  /** The optimizers a training configuration names, with the defaults that depend on the choice. */
  enum Kind implements Spelled {
    /** {@link Sgd}: learning rate 0.1 and weight decay 5e-4 unless given. */
    SGD(0.1, 5e-4),
    /** {@link Adam} with PyTorch's betas and epsilon: learning rate 0.001 and no weight decay unless given. */
    ADAM(0.001, 0);

    private final double defaultLr;
    private final double defaultWeightDecay;

    Kind(double defaultLr, double defaultWeightDecay) {
      this.defaultLr = defaultLr;
      this.defaultWeightDecay = defaultWeightDecay;
    }

    /** The optimizer spelled {@code text} ({@code sgd} or {@code adam}). */
    @JsonCreator
    public static Kind named(String text) {
      return Spelled.find(Kind.class, text)
          .orElseThrow(() -> new IllegalArgumentException("optimizer must be sgd or adam, got '" + text + "'"));
    }

    @Override
    public String toString() {
      return spelling();
    }

    /** The peak learning rate a configuration that gives none trains with. */
    public double defaultLr() {
      return defaultLr;
    }

    /** The weight decay a configuration that gives none trains with. */
    public double defaultWeightDecay() {
      return defaultWeightDecay;
    }

    /** A fresh optimizer of this kind ({@code momentum} and {@code nesterov} are SGD's; Adam ignores them). */
    public Optimizer create(double momentum, boolean nesterov, double weightDecay, boolean decayBiasAndNorm) {
      return this == SGD ? new Sgd(momentum, nesterov, weightDecay, decayBiasAndNorm)
          : new Adam(0.9, 0.999, 1e-8, weightDecay, decayBiasAndNorm);
    }

    /** Whether this optimizer with {@code momentum} carries state between steps (Adam's moments, SGD's momentum). */
    public boolean hasState(double momentum) {
      return this != SGD || momentum > 0;
    }
  }
}
