package dev.convcut.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.engine.Torch;
import org.junit.jupiter.api.Test;

class LossTest {
  @Test
  void labelSmoothedCrossEntropyMatchesTheFormula() {
    Torch.configure(2);
    float[] logits = {2f, 0f, -1f, 0.5f, 0.5f, 3f};
    long[] labels = {0, 2};
    double eps = 0.1;
    double expected = 0;
    for (int b = 0; b < 2; b++) {
      double lse = 0;
      for (int c = 0; c < 3; c++) {
        lse += Math.exp(logits[b * 3 + c]);
      }
      lse = Math.log(lse);
      double nll = lse - logits[b * 3 + (int) labels[b]];
      double uniform = 0;
      for (int c = 0; c < 3; c++) {
        uniform += (lse - logits[b * 3 + c]) / 3;
      }
      expected += ((1 - eps) * nll + eps * uniform) / 2;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      float got = Loss.crossEntropy(m.create(logits, new Shape(2, 3)), m.create(labels), eps).getFloat();
      assertThat((double) got).isCloseTo(expected, within(1e-5));
    }
  }

  private static double[] softmax(float[] z, int row, int classes, double t) {
    double[] p = new double[classes];
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      p[c] = Math.exp(z[row * classes + c] / t);
      sum += p[c];
    }
    for (int c = 0; c < classes; c++) {
      p[c] /= sum;
    }
    return p;
  }

  @Test
  void distillationIsTheTemperatureScaledKlDivergenceFromTheTeacher() {
    Torch.configure(2);
    float[] student = {2f, 0f, -1f, 0.5f, 0.5f, 3f};
    float[] teacher = {1f, 1f, -2f, -1f, 0f, 4f};
    double t = 3;
    double expected = 0;
    for (int b = 0; b < 2; b++) {
      double[] p = softmax(teacher, b, 3, t);
      double[] q = softmax(student, b, 3, t);
      for (int c = 0; c < 3; c++) {
        expected += p[c] * Math.log(p[c] / q[c]) / 2;
      }
    }
    expected *= t * t;
    try (NDManager m = NDManager.newBaseManager()) {
      float got = Loss.distillation(m.create(student, new Shape(2, 3)), m.create(teacher, new Shape(2, 3)), t).getFloat();
      assertThat((double) got).isCloseTo(expected, within(1e-5));
      assertThat(expected).isGreaterThan(0.1);
      float same = Loss.distillation(m.create(teacher, new Shape(2, 3)), m.create(teacher, new Shape(2, 3)), t).getFloat();
      assertThat((double) same).isCloseTo(0, within(1e-6));
    }
  }
}
