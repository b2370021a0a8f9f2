package dev.convcut.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.convcut.io.Spelled;
import java.util.List;

/**
 * The learning rate by epoch, as PyTorch's schedulers stepped once per epoch give it —
 * {@code constant}, {@code step} (multiply by {@code gamma} at each milestone epoch, like
 * {@code MultiStepLR}) or {@code cosine} ({@code CosineAnnealingLR} to 0 over all epochs) —
 * times a linear warm-up over the first {@code warmupEpochs}, which rises per step from
 * {@code lr/(warmup steps)} to {@code lr}.
 */
public record Schedule(Kind kind, double lr, int epochs, List<Integer> milestones, double gamma, int warmupEpochs) {
  /** The shapes of the rate over the epochs, spelled as study configurations and the command line spell them. */
  public enum Kind implements Spelled {
    CONSTANT,
    /** Multiplied by {@code gamma} at each milestone epoch. */
    STEP,
    /** Cosine annealing to 0 over all epochs. */
    COSINE;

    /** The schedule spelled {@code text}; the error lists the valid ones. */
    @JsonCreator
    public static Kind named(String text) {
      return Spelled.find(Kind.class, text).orElseThrow(() -> new IllegalArgumentException("schedule must be one of "
          + Spelled.spellings(Kind.class) + ", got '" + text + "'"));
    }

    @Override
    public String toString() {
      return spelling();
    }
  }

  public Schedule {
    if (kind == null) {
      throw new IllegalArgumentException("schedule must be one of " + Spelled.spellings(Kind.class) + ", got 'null'");
    }
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + lr);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    milestones = milestones == null ? List.of() : List.copyOf(milestones);
    if (warmupEpochs < 0 || warmupEpochs > epochs) {
      throw new IllegalArgumentException("warm-up epochs must be in 0.." + epochs + ", got " + warmupEpochs);
    }
    if (gamma <= 0) {
      throw new IllegalArgumentException("gamma must be positive, got " + gamma);
    }
  }

  /** The learning rate for step {@code step} (0-based) of {@code stepsPerEpoch} in epoch {@code epoch} (0-based). */
  public double lr(int epoch, int step, int stepsPerEpoch) {
    double base = switch (kind) {
      case STEP -> lr * Math.pow(gamma, milestones.stream().filter(m -> m <= epoch).count());
      case COSINE -> lr * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
      case CONSTANT -> lr;
    };
    if (epoch < warmupEpochs) {
      double done = (double) epoch * stepsPerEpoch + step + 1;
      base *= Math.min(1, done / ((double) warmupEpochs * stepsPerEpoch));
    }
    return base;
  }
}
