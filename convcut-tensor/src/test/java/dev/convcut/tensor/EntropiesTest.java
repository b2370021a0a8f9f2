package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntropiesTest {
  @Test
  void aFlatSpectrumHasMaximalEntropy() {
    Entropies e = Entropies.of(new double[] {2, 2, 2, 2});
    assertThat(e.entropy()).isCloseTo(Math.log(4), within(1e-14));
    assertThat(e.renyi2()).isCloseTo(Math.log(4), within(1e-14));
    assertThat(e.effectiveRank()).isCloseTo(4, within(1e-13));
    assertThat(e.normalizedEntropy()).isCloseTo(1, within(1e-14));
  }

  @Test
  void aRankOneSpectrumHasZeroEntropy() {
    Entropies e = Entropies.of(new double[] {5, 0, 0});
    assertThat(e.entropy()).isZero();
    assertThat(e.renyi2()).isZero();
    assertThat(e.effectiveRank()).isEqualTo(1);
    assertThat(e.normalizedEntropy()).isZero();
  }

  @Test
  void aTwoValueSpectrumMatchesTheFormulas() {
    // p = (0.8, 0.2) from s² = (4, 1).
    Entropies e = Entropies.of(new double[] {2, 1});
    double s = -(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2));
    assertThat(e.entropy()).isCloseTo(s, within(1e-15));
    assertThat(e.renyi2()).isCloseTo(-Math.log(0.64 + 0.04), within(1e-15));
    assertThat(e.effectiveRank()).isCloseTo(Math.exp(s), within(1e-15));
    assertThat(e.normalizedEntropy()).isCloseTo(s / Math.log(2), within(1e-15));
    assertThat(e.renyi2()).isLessThanOrEqualTo(e.entropy());
  }

  @Test
  void aZeroSpectrumGetsZeros() {
    assertThat(Entropies.of(new double[] {0, 0})).isEqualTo(new Entropies(0, 0, 0, 0));
  }

  @Test
  void extremeMagnitudesGiveTheSameEntropies() {
    Entropies base = Entropies.of(new double[] {3, 2, 1});
    Entropies tiny = Entropies.of(new double[] {3e-200, 2e-200, 1e-200});
    Entropies huge = Entropies.of(new double[] {3e200, 2e200, 1e200});
    assertThat(tiny.entropy()).isCloseTo(base.entropy(), within(1e-14));
    assertThat(huge.renyi2()).isCloseTo(base.renyi2(), within(1e-14));
  }
}
