package dev.convcut.train;

import ai.djl.ndarray.NDArray;
import dev.convcut.model.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adam} (L2 weight decay added to the gradient, no AMSGrad):
 * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²},
 * {@code w ← w − (lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε)}.
 */
public final class Adam implements Optimizer {
  static final String EXP_AVG = "exp_avg.";
  static final String EXP_AVG_SQ = "exp_avg_sq.";
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean decayBiasAndNorm;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private long steps;

  public Adam(double beta1, double beta2, double eps, double weightDecay, boolean decayBiasAndNorm) {
    if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
      throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
    }
    if (weightDecay < 0) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.decayBiasAndNorm = decayBiasAndNorm;
  }

  @Override
  public void step(List<Param> params, double lr) {
    steps++;
    double c1 = 1 - Math.pow(beta1, steps);
    double c2 = Math.sqrt(1 - Math.pow(beta2, steps));
    for (Param p : params) {
      if (!p.role().trainable() || !p.array().hasGradient()) {
        continue;
      }
      NDArray w = p.array();
      try (NDArray g = Optimizer.decayedGradient(p, weightDecay, decayBiasAndNorm)) {
        NDArray mean = m.computeIfAbsent(p.name(), k -> w.zerosLike());
        NDArray sq = v.computeIfAbsent(p.name(), k -> w.zerosLike());
        try (NDArray gScaled = g.mul(1 - beta1); NDArray g2 = g.square()) {
          mean.muli(beta1).addi(gScaled);
          g2.muli(1 - beta2);
          sq.muli(beta2).addi(g2);
        }
        try (NDArray denom = sq.sqrt(); NDArray step = mean.mul(lr / c1)) {
          denom.divi(c2).addi(eps);
          step.divi(denom);
          w.subi(step);
        }
      }
    }
  }

  @Override
  public Map<String, NDArray> state() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    m.forEach((name, a) -> out.put(EXP_AVG + name, a));
    v.forEach((name, a) -> out.put(EXP_AVG_SQ + name, a));
    return out;
  }

  @Override
  public void loadState(Map<String, NDArray> state, long steps) {
    m.clear();
    v.clear();
    state.forEach((key, value) -> {
      if (key.startsWith(EXP_AVG_SQ)) {
        v.put(key.substring(EXP_AVG_SQ.length()), value.duplicate());
      } else if (key.startsWith(EXP_AVG)) {
        m.put(key.substring(EXP_AVG.length()), value.duplicate());
      } else {
        throw new IllegalArgumentException("Adam state has no buffer '" + key + "'");
      }
    });
    this.steps = steps;
  }

  @Override
  public long steps() {
    return steps;
  }
}
