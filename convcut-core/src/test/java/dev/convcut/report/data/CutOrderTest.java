package dev.convcut.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CutOrderTest {
  @Test
  void canonicalCutsComeInScienceOrderAndOtherLabelsAfterThemByName() {
    assertThat(CutOrder.sorted(List.of("zz", "ow|ih", "auto", "o|ihw", "oi|hw", "o|ihw")))
        .containsExactly("o|ihw", "oi|hw", "ow|ih", "auto", "zz");
  }
}
