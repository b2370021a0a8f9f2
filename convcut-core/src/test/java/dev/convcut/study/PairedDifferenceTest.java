package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class PairedDifferenceTest {
  /** Images 0..n-1; the dense network right on [0, denseRight), the variant on [from, to). */
  private static BitSet range(int from, int to) {
    BitSet b = new BitSet();
    b.set(from, to);
    return b;
  }

  @Test
  void countsBothKindsOfDisagreementAndTheirPairedStandardError() {
    // 10,000 images: the dense network right on 0..9299, the variant on 100..9349: 100 only dense, 50 only variant.
    PairedDifference d = PairedDifference.of(range(0, 9300), range(100, 9350), 10_000);
    assertThat(d.denseOnly()).isEqualTo(100);
    assertThat(d.variantOnly()).isEqualTo(50);
    assertThat(d.deltaPoints()).isEqualTo(-0.5, within(1e-12));
    assertThat(d.disagreement()).isEqualTo(0.015, within(1e-15));
    // The sample standard deviation of 100 × (−1), 50 × (+1), 9,850 × 0, over sqrt(n), in points (numpy: 0.1223785015832641).
    assertThat(d.standardErrorPoints()).isEqualTo(0.1223785015832641, within(1e-12));
  }

  @Test
  void pairingRemovesTheNoiseOfImagesBothGetRight() {
    // Same 0.5-point difference, same accuracies, but 20 times the disagreements: a larger paired error.
    PairedDifference few = PairedDifference.of(range(0, 9300), range(50, 9300), 10_000);
    BitSet dense = range(0, 9300);
    BitSet variant = range(1000, 9300);
    variant.set(9300, 9300 + 950);
    PairedDifference many = PairedDifference.of(dense, variant, 10_000);
    assertThat(many.deltaPoints()).isEqualTo(few.deltaPoints(), within(1e-12));
    assertThat(many.standardErrorPoints()).isGreaterThan(4 * few.standardErrorPoints());
    assertThat(PairedDifference.of(dense, dense, 10_000).standardErrorPoints()).isZero();
  }

  @Test
  void impossibleCountsAreRefused() {
    assertThatThrownBy(() -> new PairedDifference(10, 8, 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 images");
    assertThatThrownBy(() -> new PairedDifference(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
