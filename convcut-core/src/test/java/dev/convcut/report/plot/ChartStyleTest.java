package dev.convcut.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.report.data.CutOrder;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChartStyleTest {
  @Test
  void everyCanonicalCutHasItsOwnColourAndOtherLabelsAStableOne() {
    Set<Integer> colours = new HashSet<>();
    CutOrder.CANONICAL.forEach(c -> colours.add(ChartStyle.cut(c).getRGB()));
    assertThat(colours).hasSize(7);
    assertThat(ChartStyle.cut("auto")).isEqualTo(ChartStyle.cut("auto"));
  }

  @Test
  void slugsAreSafeFileNamesThatSortByDepth() {
    assertThat(ChartStyle.slug(3, "layer3.1.conv2")).isEqualTo("03-layer3.1.conv2");
    assertThat(ChartStyle.slug(12, "a/b c<d>")).isEqualTo("12-a_b_c_d_");
  }
}
