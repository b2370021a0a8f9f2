package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NormalizationTest {

  @Test
  void theTableMapsEachByteToItsNormalizedValue() {
    Normalization n = new Normalization(new double[] {0.5, 0.25}, new double[] {0.5, 0.125});
    float[] c1 = n.table(1);
    assertThat(c1).hasSize(256);
    assertThat(c1[0]).isEqualTo(-2f);
    assertThat(c1[255]).isEqualTo(6f);
    assertThat(n.table(0)[255]).isEqualTo(1f);
  }

  @Test
  void isImmutableAndComparedByValue() {
    double[] mean = {0.1};
    Normalization n = new Normalization(mean, new double[] {0.2});
    mean[0] = 9;
    n.mean()[0] = 9;
    assertThat(n.mean()).containsExactly(0.1);
    assertThat(n).isEqualTo(new Normalization(new double[] {0.1}, new double[] {0.2}));
    assertThat(n).hasSameHashCodeAs(new Normalization(new double[] {0.1}, new double[] {0.2}));
  }

  @Test
  void refusesMismatchedLengthsAndNonPositiveStd() {
    assertThatThrownBy(() -> new Normalization(new double[] {0.1, 0.2}, new double[] {0.3}))
        .hasMessage("normalization needs one mean and one std per channel, got 2 means and 1 stds");
    assertThatThrownBy(() -> new Normalization(new double[] {0.1}, new double[] {0}))
        .hasMessage("normalization of channel 0 needs a finite mean and a positive std, got mean 0.1 std 0.0");
  }

  @Test
  void noneIsTheIdentityOnUnitPixels() {
    assertThat(Normalization.none(3).table(2)[51]).isEqualTo(0.2f);
  }
}
