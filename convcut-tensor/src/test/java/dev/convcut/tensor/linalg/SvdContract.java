package dev.convcut.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract every {@link Svd} passes (after EJML's StandardSvdChecks): descending values,
 * exact reconstruction at full rank, orthonormal factors, known spectra recovered, untouched
 * input, odd shapes and extreme magnitudes.
 */
public abstract class SvdContract {
  /** Relative accuracy asked of every implementation, in double precision. */
  protected static final double TOL = 1e-10;

  protected abstract Svd svd();

  private final Random rng = new Random(20240321L);

  @ParameterizedTest(name = "{0} × {1}")
  @CsvSource({"1,1", "1,7", "7,1", "2,2", "3,5", "5,3", "9,9", "40,300", "300,40", "64,27"})
  void fullRankReproducesTheMatrix(int rows, int cols) {
    Matrix a = TestMatrices.gaussian(rng, rows, cols);
    ThinSvd t = svd().thin(a);
    assertThat(t.u().rows()).isEqualTo(rows);
    assertThat(t.vt().cols()).isEqualTo(cols);
    assertThat(t.rank()).isEqualTo(Math.min(rows, cols));
    assertThat(t.reconstruct().distance(a) / a.frobeniusNorm()).isLessThanOrEqualTo(TOL);
  }

  @ParameterizedTest(name = "{0} × {1}")
  @CsvSource({"6,6", "4,30", "30,4", "100,20"})
  void singularVectorsAreOrthonormal(int rows, int cols) {
    ThinSvd t = svd().thin(TestMatrices.gaussian(rng, rows, cols));
    assertThat(TestMatrices.orthogonalityError(t.u())).isLessThanOrEqualTo(TOL);
    assertThat(TestMatrices.orthogonalityError(t.vt().transpose())).isLessThanOrEqualTo(TOL);
  }

  @Test
  void singularValuesAreDescendingAndNonNegative() {
    Matrix a = TestMatrices.gaussian(rng, 50, 80);
    for (double[] s : new double[][] {svd().values(a), svd().thin(a).s()}) {
      for (int j = 0; j < s.length; j++) {
        assertThat(s[j]).isGreaterThanOrEqualTo(0);
        if (j > 0) {
          assertThat(s[j]).isLessThanOrEqualTo(s[j - 1]);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} × {1}, s from 1 to {2}")
  @CsvSource({"20,20,0.5", "30,12,1e-3", "12,30,1e-3", "40,40,1e-9", "200,16,0.2"})
  void knownSingularValuesFromRandomOrthogonalFactorsAreRecovered(int rows, int cols, double last) {
    double[] expected = TestMatrices.geometric(Math.min(rows, cols), last);
    Matrix a = TestMatrices.withSingularValues(rng, rows, cols, expected);
    double[] values = svd().values(a);
    double[] thin = svd().thin(a).s();
    for (int j = 0; j < expected.length; j++) {
      assertThat(values[j]).as("s[%d]", j).isCloseTo(expected[j], within(TOL * expected[0]));
      assertThat(thin[j]).as("thin s[%d]", j).isCloseTo(expected[j], within(TOL * expected[0]));
    }
  }

  @Test
  void valuesOnlyAgreesWithTheThinDecomposition() {
    Matrix a = TestMatrices.gaussian(rng, 33, 17);
    double[] v = svd().values(a);
    double[] t = svd().thin(a).s();
    for (int j = 0; j < v.length; j++) {
      assertThat(v[j]).isCloseTo(t[j], within(TOL * v[0]));
    }
  }

  @Test
  void theInputIsNeverModified() {
    Matrix a = TestMatrices.gaussian(rng, 12, 20);
    double[] before = a.toArray();
    svd().values(a);
    svd().thin(a);
    svd().thin(a.transpose());
    assertThat(a.toArray()).containsExactly(before);
  }

  @Test
  void aZeroMatrixHasZeroSingularValuesAndReconstructs() {
    Matrix zero = Matrix.wrap(4, 6, new double[24]);
    assertThat(svd().values(zero)).containsOnly(0.0);
    ThinSvd t = svd().thin(zero);
    assertThat(t.s()).containsOnly(0.0);
    assertThat(t.reconstruct().frobeniusNorm()).isZero();
  }

  @Test
  void aRankDeficientMatrixHasZerosAfterItsRank() {
    Matrix a = TestMatrices.withSingularValues(rng, 10, 8, 3.0, 2.0);
    double[] s = svd().values(a);
    assertThat(s[0]).isCloseTo(3.0, within(TOL * 3));
    assertThat(s[1]).isCloseTo(2.0, within(TOL * 3));
    for (int j = 2; j < s.length; j++) {
      assertThat(s[j]).isLessThanOrEqualTo(1e-13);
    }
    assertThat(svd().thin(a).reconstruct().distance(a) / a.frobeniusNorm()).isLessThanOrEqualTo(TOL);
  }

  @ParameterizedTest(name = "scale {0}")
  @CsvSource({"1e-150", "1e-300", "1e150", "1e300"})
  void tinyAndHugeMagnitudesScaleTheValuesExactly(double scale) {
    double[] s = {3, 2, 1, 0.5};
    double[] scaled = new double[s.length];
    for (int j = 0; j < s.length; j++) {
      scaled[j] = s[j] * scale / 4; // room below Double.MAX_VALUE for 1e300
    }
    Matrix a = TestMatrices.withSingularValues(new Random(7), 9, 6, scaled);
    double[] got = svd().values(a);
    ThinSvd t = svd().thin(a);
    for (int j = 0; j < s.length; j++) {
      assertThat(got[j] / scaled[j]).as("s[%d] relative", j).isCloseTo(1.0, within(1e-9));
      assertThat(t.value(j) / scaled[j]).as("thin s[%d] relative", j).isCloseTo(1.0, within(1e-9));
    }
    assertThat(t.reconstruct().distance(a) / a.frobeniusNorm()).isLessThanOrEqualTo(TOL);
  }

  @Test
  void aNonFiniteValueIsRefusedWithItsPosition() {
    double[] d = new double[12];
    d[7] = Double.NaN;
    assertThatThrownBy(() -> svd().values(Matrix.wrap(3, 4, d)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(1, 3)")
        .hasMessageContaining("NaN");
  }
}
