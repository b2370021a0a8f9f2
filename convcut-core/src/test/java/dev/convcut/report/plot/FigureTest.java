package dev.convcut.report.plot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FigureTest {
  @Test
  void aFileNameMustBeAPlainPngName() {
    assertThatThrownBy(() -> new Figure("../x.png", "t", "c", 1, 1, new byte[0])).hasMessageContaining("plain *.png");
    assertThatThrownBy(() -> new Figure("x.svg", "t", "c", 1, 1, new byte[0])).hasMessageContaining("plain *.png");
  }
}
