package dev.convcut.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ThinSvdTest {
  private final Matrix a = TestMatrices.gaussian(new Random(9), 6, 4);
  private final ThinSvd t = LapackSvd.DOUBLE.thin(a);

  @Test
  void productsOfTripletRangesAddUpToTheMatrix() {
    Matrix head = t.product(0, 2);
    Matrix tail = t.product(2, 4);
    double[] sum = head.toArray();
    double[] b = tail.toArray();
    for (int x = 0; x < sum.length; x++) {
      sum[x] += b[x];
    }
    assertThat(Matrix.wrap(6, 4, sum).distance(a)).isLessThan(1e-12);
    assertThat(t.product(1, 1).frobeniusNorm()).isZero();
    assertThatThrownBy(() -> t.product(3, 5)).hasMessageContaining("out of range 0..4");
  }

  @Test
  void theTransposeDecomposesTheTransposedMatrix() {
    assertThat(t.transpose().reconstruct().distance(a.transpose())).isLessThan(1e-12);
    assertThat(t.transpose().s()).containsExactly(t.s());
  }

  @Test
  void factorsThatDoNotFitOrValuesOutOfOrderAreRefused() {
    assertThatThrownBy(() -> new ThinSvd(t.u(), new double[] {1, 2, 3, 4}, t.vt())).hasMessageContaining("descending");
    assertThatThrownBy(() -> new ThinSvd(t.u(), new double[] {3, 2, 1}, t.vt())).hasMessageContaining("do not fit");
  }

  @Test
  void theValuesAreCopiedInAndOut() {
    double[] s = t.s();
    s[0] = -1;
    assertThat(t.value(0)).isPositive();
  }
}
