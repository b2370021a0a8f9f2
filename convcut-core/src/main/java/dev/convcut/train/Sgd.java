package dev.convcut.train;

import ai.djl.ndarray.NDArray;
import dev.convcut.model.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.SGD}: {@code g ← grad + wd·w}; with momentum {@code buf ← m·buf + g} (the
 * first step sets {@code buf ← g}); Nesterov uses {@code g + m·buf}, plain momentum {@code buf};
 * then {@code w ← w − lr·g}. No dampening.
 */
public final class Sgd implements Optimizer {
  static final String MOMENTUM = "momentum_buffer.";
  private final double momentum;
  private final boolean nesterov;
  private final double weightDecay;
  private final boolean decayBiasAndNorm;
  private final Map<String, NDArray> buffers = new LinkedHashMap<>();
  private long steps;

  public Sgd(double momentum, boolean nesterov, double weightDecay, boolean decayBiasAndNorm) {
    if (momentum < 0 || momentum >= 1) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    if (nesterov && momentum == 0) {
      throw new IllegalArgumentException("Nesterov momentum needs a momentum > 0");
    }
    if (weightDecay < 0) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.weightDecay = weightDecay;
    this.decayBiasAndNorm = decayBiasAndNorm;
  }

  @Override
  public void step(List<Param> params, double lr) {
    for (Param p : params) {
      if (!p.role().trainable() || !p.array().hasGradient()) {
        continue;
      }
      NDArray w = p.array();
      try (NDArray g = Optimizer.decayedGradient(p, weightDecay, decayBiasAndNorm)) {
        NDArray update = g;
        NDArray nesterovUpdate = null;
        if (momentum != 0) {
          NDArray buf = buffers.get(p.name());
          if (buf == null) {
            buf = g.duplicate();
            buffers.put(p.name(), buf);
          } else {
            buf.muli(momentum).addi(g);
          }
          if (nesterov) {
            nesterovUpdate = buf.mul(momentum);
            nesterovUpdate.addi(g);
            update = nesterovUpdate;
          } else {
            update = buf;
          }
        }
        try (NDArray scaled = update.mul(lr)) {
          w.subi(scaled);
        }
        if (nesterovUpdate != null) {
          nesterovUpdate.close();
        }
      }
    }
    steps++;
  }

  @Override
  public Map<String, NDArray> state() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    buffers.forEach((name, buf) -> out.put(MOMENTUM + name, buf));
    return out;
  }

  @Override
  public void loadState(Map<String, NDArray> state, long steps) {
    buffers.clear();
    state.forEach((key, value) -> {
      if (!key.startsWith(MOMENTUM)) {
        throw new IllegalArgumentException("SGD state has no buffer '" + key + "' (expected " + MOMENTUM + "PARAM)");
      }
      buffers.put(key.substring(MOMENTUM.length()), value.duplicate());
    });
    this.steps = steps;
  }

  @Override
  public long steps() {
    return steps;
  }
}
