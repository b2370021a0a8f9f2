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
}
