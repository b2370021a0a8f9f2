package dev.convcut.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixTest {
  @Test
  void ofCopiesTheArraySoLaterWritesDoNotLeakIn() {
    double[] d = {1, 2, 3, 4, 5, 6};
    Matrix m = Matrix.of(2, 3, d);
    d[0] = 99;
    assertThat(m.get(0, 0)).isEqualTo(1);
    assertThat(m.get(1, 2)).isEqualTo(6);
  }

  @Test
  void aWrongValueCountNamesTheShape() {
    assertThatThrownBy(() -> Matrix.of(2, 3, new double[5])).hasMessageContaining("2 × 3").hasMessageContaining("6").hasMessageContaining("5");
  }

  @Test
  void transposeSwapsRowsAndColumns() {
    Matrix m = Matrix.of(2, 3, new double[] {1, 2, 3, 4, 5, 6});
    Matrix t = m.transpose();
    assertThat(t.rows()).isEqualTo(3);
    assertThat(t.get(2, 1)).isEqualTo(6);
    assertThat(t.get(0, 1)).isEqualTo(4);
  }

  @Test
  void productsSmallAndLargeAgreeWithTheDefinition() {
    Random rng = new Random(1);
    for (int n : new int[] {3, 70}) {
      Matrix a = TestMatrices.gaussian(rng, n, n + 1);
      Matrix b = TestMatrices.gaussian(rng, n + 1, n + 2);
      Matrix c = a.times(b);
      double expected = 0;
      for (int k = 0; k < n + 1; k++) {
        expected += a.get(n - 1, k) * b.get(k, 1);
      }
      assertThat(c.get(n - 1, 1)).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void identityTimesAMatrixIsTheMatrix() {
    Matrix a = TestMatrices.gaussian(new Random(2), 4, 5);
    assertThat(Matrix.identity(4).times(a)).isEqualTo(a);
  }

  @Test
  void theFrobeniusNormNeitherOverflowsNorUnderflows() {
    assertThat(Matrix.of(1, 2, new double[] {3e300, 4e300}).frobeniusNorm()).isCloseTo(5e300, within(1e286));
    assertThat(Matrix.of(1, 2, new double[] {3e-300, 4e-300}).frobeniusNorm()).isCloseTo(5e-300, within(1e-314));
  }
}
