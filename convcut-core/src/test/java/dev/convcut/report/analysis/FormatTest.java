package dev.convcut.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void formatsNumbersTheSameEverywhere() {
    assertThat(Format.percent(0.12345)).isEqualTo("12.3%");
    assertThat(Format.accuracy(0.9123)).isEqualTo("91.23%");
    assertThat(Format.accuracy(Double.NaN)).isEqualTo("\u2013");
    assertThat(Format.points(-0.4)).isEqualTo("-0.40 points");
    assertThat(Format.signed(0.25)).isEqualTo("+0.25");
    assertThat(Format.tolerance(0.5)).isEqualTo("0.5");
    assertThat(Format.tolerance(1.0)).isEqualTo("1");
    assertThat(Format.number(null, 2)).isEqualTo("\u2013");
    assertThat(Format.number(0.12345, 3)).isEqualTo("0.123");
    assertThat(Format.pValue(1.0 / 24)).isEqualTo("= 0.042");
    assertThat(Format.pValue(1e-5)).isEqualTo("< 0.001");
    assertThat(Format.pValue(null)).isEqualTo("\u2013");
  }
}
