package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CutSpectrumTest {
  private final CutSpectrum s = new CutSpectrum(Cut.OH_IW, 3, 4, new double[] {3, 2, 1});

  @Test
  void discardedIsTheTailShareOfSquaredValues() {
    assertThat(s.discarded(1)).isCloseTo(5.0 / 14, within(1e-15));
    assertThat(s.discarded(2)).isCloseTo(1.0 / 14, within(1e-15));
    assertThat(s.discarded(3)).isZero();
  }

  @Test
  void normLossAndRelativeErrorSatisfyThePythagoreanIdentity() {
    for (int k = 1; k <= 3; k++) {
      double eta = s.normLoss(k);
      double delta = s.relError(k);
      assertThat((1 - eta) * (1 - eta) + delta * delta).isCloseTo(1, within(1e-15));
      assertThat(delta * delta).isCloseTo(s.discarded(k), within(1e-15));
    }
    assertThat(s.normLoss(1)).isCloseTo(1 - Math.sqrt(9.0 / 14), within(1e-15));
  }

  @Test
  void aTinyDiscardedWeightKeepsItsRelativePrecision() {
    CutSpectrum t = new CutSpectrum(Cut.O_IHW, 2, 2, new double[] {1, 1e-10});
    assertThat(t.discarded(1)).isCloseTo(1e-20, within(1e-34));
    assertThat(t.normLoss(1)).isCloseTo(0.5e-20, within(1e-34));
  }

  @Test
  void keptFractionIsRankOverFullRank() {
    assertThat(s.keptFraction(2)).isCloseTo(2.0 / 3, within(1e-15));
  }

  @Test
  void aRankOutsideOneToRIsRefusedNamingTheCut() {
    assertThatThrownBy(() -> s.discarded(0)).hasMessageContaining("rank 0 is outside 1..3 for cut oh|iw (a 3 × 4 matrix)");
    assertThatThrownBy(() -> s.normLoss(4)).hasMessageContaining("rank 4");
  }

  @Test
  void valuesMustBeDescendingNonNegativeAndAsManyAsTheFullRank() {
    assertThatThrownBy(() -> new CutSpectrum(Cut.O_IHW, 3, 4, new double[] {1, 2, 0})).hasMessageContaining("descending");
    assertThatThrownBy(() -> new CutSpectrum(Cut.O_IHW, 3, 4, new double[] {1, -1, -2})).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> new CutSpectrum(Cut.O_IHW, 3, 4, new double[] {1, 0})).hasMessageContaining("has 3 singular values, got 2");
  }

  @Test
  void theNumericalRankIgnoresRoundingNoise() {
    assertThat(new CutSpectrum(Cut.O_IHW, 3, 3, new double[] {1, 1e-12, 1e-17}).numericalRank()).isEqualTo(2);
    assertThat(new CutSpectrum(Cut.O_IHW, 2, 2, new double[] {0, 0}).numericalRank()).isZero();
  }

  @Test
  void aZeroSpectrumLosesNothingAtAnyRank() {
    CutSpectrum z = new CutSpectrum(Cut.O_IHW, 2, 3, new double[] {0, 0});
    assertThat(z.discarded(1)).isZero();
    assertThat(z.normLoss(1)).isZero();
    assertThat(z.rankFor(Level.loss(0))).isEqualTo(1);
  }
}
