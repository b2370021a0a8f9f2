package dev.convcut.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpearmanTest {
  @Test
  void aMonotoneRelationHasRhoOneWhateverItsShape() {
    assertThat(Spearman.rho(new double[] {0, 1, 2, 3}, new double[] {0.01, 0.02, 0.5, 0.9})).isEqualTo(1.0, within(1e-12));
    assertThat(Spearman.rho(new double[] {0, 1, 2, 3}, new double[] {9, 4, 1, 0})).isEqualTo(-1.0, within(1e-12));
  }

  @Test
  void matchesTheTextbookFormulaWithoutTies() {
    // 1 - 6 * sum(d^2) / (n (n^2 - 1)) with d = (-1, 1, -1, 1, 0): 1 - 24 / 120.
    assertThat(Spearman.rho(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5})).isEqualTo(0.8, within(1e-12));
  }

  @Test
  void tiesGetTheirAverageRank() {
    assertThat(Spearman.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
    // Pearson of ranks (1,2,3,4) and (1,2.5,2.5,4): 4.5 / sqrt(5 * 4.5).
    assertThat(Spearman.rho(new double[] {1, 2, 3, 4}, new double[] {1, 2, 2, 3})).isEqualTo(4.5 / Math.sqrt(22.5), within(1e-12));
  }

  @Test
  void isUndefinedForAConstantOrASinglePair() {
    assertThat(Spearman.rho(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isNaN();
    assertThat(Spearman.rho(new double[] {1}, new double[] {5})).isNaN();
    assertThat(Spearman.pValue(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isNaN();
  }

  @Test
  void theExactPValueOfAPerfectOrderIsOneOverNFactorial() {
    assertThat(Spearman.pValue(new double[] {0, 1, 2, 3}, new double[] {1, 2, 3, 4})).isEqualTo(1.0 / 24, within(1e-15));
    assertThat(Spearman.pValue(new double[] {0, 1, 2}, new double[] {1, 2, 3})).isEqualTo(1.0 / 6, within(1e-15));
    assertThat(Spearman.pValue(new double[] {0, 1, 2, 3}, new double[] {4, 3, 2, 1})).isEqualTo(1.0, within(1e-15));
  }

  @Test
  void theExactPValueCountsEveryOrderingAtLeastAsCorrelated() {
    // n = 4, rho = 0.8: the orderings with sum(d^2) <= 2 are the identity and the 3 adjacent swaps.
    assertThat(Spearman.pValue(new double[] {1, 2, 3, 4}, new double[] {2, 1, 3, 4})).isEqualTo(4.0 / 24, within(1e-15));
  }

  @Test
  void nineValuesAreCountedExactlyAndTenAreSampledWithAFixedSeed() {
    double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] y = {0.1, 0.3, 0.2, 0.5, 0.4, 0.7, 0.6, 0.9, 0.8, 1.0};
    double sampled = Spearman.pValue(x, y);
    assertThat(sampled).isEqualTo(Spearman.pValue(x, y));
    assertThat(sampled).isLessThan(0.001).isGreaterThan(0);
    double[] x9 = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    double[] y9 = {0.3, 0.1, 0.2, 0.5, 0.4, 0.9, 0.6, 0.7, 0.8};
    // Counted independently with numpy over all 9! orderings: 1500 of 362,880.
    assertThat(Spearman.pValue(x9, y9)).isEqualTo(1500.0 / 362_880, within(1e-15));
  }

  @Test
  void mismatchedOrNonFiniteInputIsAnError() {
    assertThatThrownBy(() -> Spearman.rho(new double[] {1, 2}, new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Spearman.rho(new double[] {1, Double.NaN}, new double[] {1, 2})).hasMessageContaining("not finite");
  }
}
