package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.InvalidRequestException;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TruncationSpecTest {
  static final Map<String, Kernel> KERNELS = new LinkedHashMap<>();

  static {
    KERNELS.put("conv1", Kernel.zeros(16, 3, 3, 3));
    KERNELS.put("layer3.0.conv1", Kernel.zeros(32, 16, 1, 1));
    KERNELS.put("layer3.0.conv2", Kernel.zeros(32, 32, 3, 3));
    KERNELS.put("fc", Kernel.zeros(10, 32));
  }

  static final List<String> LAYERS = List.copyOf(KERNELS.keySet());

  static TruncationSpec.Plan resolve(String text) {
    return TruncationSpec.parse(text).resolve(LAYERS, KERNELS);
  }

  @Test
  void entriesStepsGlobsAndEverySpellingOfACutParse() {
    TruncationSpec.Plan p = resolve("conv1:oi|hw=keep0.25,o/ihw=loss0.1 ; layer3.*:i:ohw=rank8;fc:o|i=keep=0.5");
    assertThat(p.layers().keySet()).containsExactly("conv1", "layer3.0.conv1", "layer3.0.conv2", "fc");
    assertThat(p.layers().get("conv1").steps()).extracting(s -> s.cut() + " " + s.level())
        .containsExactly("oi|hw keep0.25", "o|ihw loss0.1");
    assertThat(p.layers().get("layer3.0.conv2").steps().get(0).cut()).isEqualTo(Cut.OHW_I);
    assertThat(p.layers().get("fc").steps().get(0).level()).isEqualTo(new Level.Keep(0.5));
    assertThat(p.skipped()).isEmpty();
  }

  @Test
  void aCutTrivialForALayerIsSkippedNotAnError() {
    TruncationSpec.Plan p = resolve("layer3.*:oi|hw=rank1");
    assertThat(p.layers().keySet()).containsExactly("layer3.0.conv2");
    assertThat(p.skipped()).containsExactly("layer3.0.conv1 oi|hw (trivial for 32x16x1x1)");
  }

  @Test
  void everyProblemIsListedWithTheValidChoicesBeforeAnyWork() {
    assertThatThrownBy(() -> resolve("features.6:o|ihw=rank2;conv1:o|ihw=rank40;fc:oi|hw=rank1;layer3.0.conv2:o|ihw=rank1;layer3.*:ohw|i=rank1"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no layer 'features.6'; valid layers: conv1, layer3.0.conv1, layer3.0.conv2, fc")
        .hasMessageContaining("layer conv1 cut o|ihw: rank 40 is out of range; valid ranks are 1..16 (a 16 × 27 matrix)")
        .hasMessageContaining("layer fc (kernel 10x32) has no cut oi|hw; its cuts: o|i")
        .hasMessageContaining("layer layer3.0.conv2 is named by both 'layer3.0.conv2' and 'layer3.*'");
  }

  @Test
  void syntaxErrorsSayWhatIsExpected() {
    assertThatThrownBy(() -> TruncationSpec.parse("conv1")).hasMessageContaining("expected LAYER:CUT=LEVEL");
    assertThatThrownBy(() -> TruncationSpec.parse("conv1:o|ihw")).hasMessageContaining("should be CUT=LEVEL");
    assertThatThrownBy(() -> TruncationSpec.parse("conv1:o|ihw=keep1.5")).hasMessageContaining("keep fraction must be in (0, 1], got 1.5");
    assertThatThrownBy(() -> TruncationSpec.parse("conv1:o|ihx=rank1")).hasMessageContaining("'x' is not an index letter");
    assertThatThrownBy(() -> TruncationSpec.parse(" ")).hasMessageContaining("the truncation spec is empty");
  }
}
