package dev.convcut.train;

import dev.convcut.WithEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.convcut.engine.Torch;
import dev.convcut.model.Ops;
import dev.convcut.model.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SGD and Adam against PyTorch's update rules written out by hand, for a loss {@code sum(a·w)}. */
class OptimizerTest extends WithEngine {

  /** Sets w's gradient to {@code g} by differentiating {@code sum(g·w)}. */
  private static void gradient(Param p, float[] g) {
    Ops.zeroGrad(p.array());
    try (NDManager scope = manager.newSubManager();
        var gc = Torch.engine().newGradientCollector()) {
      NDArray coeff = scope.create(g);
      gc.backward(p.array().mul(coeff).sum());
    }
  }

  private static Param param(String name, Param.Role role, float... w) {
    NDArray a = manager.create(w);
    a.setRequiresGradient(true);
    return new Param(name, a, role);
  }

  @Test
  void clippingScalesAllGradientsByTheirGlobalNormOnlyAboveTheLimit() {
    Param a = param("a", Param.Role.WEIGHT, 0f, 0f);
    Param b = param("b", Param.Role.BIAS, 0f);
    ClipGradNorm clip = new ClipGradNorm(new Sgd(0, false, 0, true), 5.0);
    gradient(a, new float[] {3f, 4f});
    gradient(b, new float[] {0f});
    clip.step(List.of(a, b), 1.0); // norm 5: left alone
    assertThat(a.array().toFloatArray()).containsExactly(new float[] {-3f, -4f}, org.assertj.core.data.Offset.offset(1e-6f));
    gradient(a, new float[] {6f, 0f});
    gradient(b, new float[] {8f});
    clip.step(List.of(a, b), 1.0); // norm 10: halved, like torch.nn.utils.clip_grad_norm_
    assertThat(a.array().toFloatArray()).containsExactly(new float[] {-6f, -4f}, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(b.array().toFloatArray()).containsExactly(new float[] {-4f}, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(clip.clippedSteps()).isEqualTo(1);
    assertThat(clip.steps()).isEqualTo(2);
    gradient(a, new float[] {Float.NaN, 1f});
    gradient(b, new float[] {1f});
    clip.step(List.of(a, b), 1.0); // not finite: left out, nothing changes
    assertThat(a.array().toFloatArray()).containsExactly(new float[] {-6f, -4f}, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(clip.skippedSteps()).isEqualTo(1);
    assertThat(clip.steps()).isEqualTo(2);
    assertThat(clip.skipsNonFinite()).isTrue();
    assertThat(new Sgd(0, false, 0, true).skipsNonFinite()).isFalse();
  }

  @Test
  void sgdWithNesterovMomentumAndDecayFollowsPytorch() {
    Param p = param("w", Param.Role.WEIGHT, 1f, -2f);
    Sgd sgd = new Sgd(0.9, true, 0.1, true);
    double[] w = {1, -2};
    double[] buf = new double[2];
    float[][] grads = {{0.5f, -1f}, {0.25f, 0.75f}, {-1f, 2f}};
    for (int step = 0; step < grads.length; step++) {
      gradient(p, grads[step]);
      sgd.step(List.of(p), 0.1);
      for (int i = 0; i < 2; i++) {
        double d = grads[step][i] + 0.1 * w[i];
        buf[i] = step == 0 ? d : 0.9 * buf[i] + d;
        w[i] -= 0.1 * (d + 0.9 * buf[i]);
      }
    }
    float[] got = p.array().toFloatArray();
    assertThat((double) got[0]).isCloseTo(w[0], within(1e-6));
    assertThat((double) got[1]).isCloseTo(w[1], within(1e-6));
    assertThat(sgd.state()).containsKey("momentum_buffer.w");
  }

  @Test
  void exemptBiasesAndNormParametersAreNotDecayed() {
    Param b = param("b", Param.Role.BIAS, 3f);
    Sgd sgd = new Sgd(0, false, 0.5, false);
    gradient(b, new float[] {0f});
    sgd.step(List.of(b), 1.0);
    assertThat(b.array().toFloatArray()).containsExactly(3f);
    Param w = param("w", Param.Role.WEIGHT, 3f);
    gradient(w, new float[] {0f});
    sgd.step(List.of(w), 1.0);
    assertThat(w.array().toFloatArray()).containsExactly(1.5f);
  }

  @Test
  void adamFollowsPytorch() {
    Param p = param("w", Param.Role.WEIGHT, 0.5f);
    Adam adam = new Adam(0.9, 0.999, 1e-8, 0.01, true);
    double w = 0.5;
    double m = 0;
    double v = 0;
    float[] grads = {1f, -0.5f, 2f};
    for (int t = 1; t <= grads.length; t++) {
      gradient(p, new float[] {grads[t - 1]});
      adam.step(List.of(p), 0.01);
      double g = grads[t - 1] + 0.01 * w;
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      double denom = Math.sqrt(v) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
      w -= 0.01 / (1 - Math.pow(0.9, t)) * m / denom;
    }
    assertThat((double) p.array().toFloatArray()[0]).isCloseTo(w, within(1e-6));
    assertThat(adam.steps()).isEqualTo(3);
  }

  @Test
  void savedStateRestoresTheSameNextStep() {
    Param a = param("w", Param.Role.WEIGHT, 1f);
    Param b = param("w", Param.Role.WEIGHT, 1f);
    Sgd first = new Sgd(0.9, false, 0, true);
    gradient(a, new float[] {1f});
    first.step(List.of(a), 0.1);
    b.array().set(a.array().toFloatArray());
    Sgd second = new Sgd(0.9, false, 0, true);
    second.loadState(first.state(), first.steps());
    gradient(a, new float[] {2f});
    first.step(List.of(a), 0.1);
    gradient(b, new float[] {2f});
    second.step(List.of(b), 0.1);
    assertThat(b.array().toFloatArray()).containsExactly(a.array().toFloatArray());
  }
}
