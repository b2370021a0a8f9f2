package dev.convcut.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerSpectrumTest {
  @TempDir Path dir;

  @Test
  void readsLayersShapesAndCutsInFileOrder() {
    Path f = TestFiles.write(dir.resolve("sv.json"), """
        {"layers": [{"layer": "features.0", "shape": [16, 1, 3, 3], "cuts": {"oi|hw": [3, 2, 1], "o|ihw": [5, 0.5]}}]}
        """);
    LayerSpectrum l = LayerSpectrum.read(f).get(0);
    assertThat(l.layer()).isEqualTo("features.0");
    assertThat(l.shape()).isEqualTo(List.of(16, 1, 3, 3));
    assertThat(l.cuts().keySet()).containsExactly("oi|hw", "o|ihw");
    assertThat(l.cuts().get("o|ihw")).containsExactly(5, 0.5);
  }

  @Test
  void valuesOutOfOrderAreAnErrorNamingTheJsonPath() {
    Path f = TestFiles.write(dir.resolve("sv.json"), "{\"layers\": [{\"layer\": \"a\", \"cuts\": {\"o|ihw\": [1, 2]}}]}");
    assertThatThrownBy(() -> LayerSpectrum.read(f))
        .hasMessage(f + ": layers[0].cuts[\"o|ihw\"][1]: singular values must be in descending order, 2.0 follows 1.0");
  }

  @Test
  void negativeValuesAMissingLayerArrayAndBrokenJsonAreErrors() {
    Path neg = TestFiles.write(dir.resolve("neg.json"), "{\"layers\": [{\"layer\": \"a\", \"cuts\": {\"o|ihw\": [1, -2]}}]}");
    assertThatThrownBy(() -> LayerSpectrum.read(neg)).hasMessageContaining("[1]: expected a finite non-negative number, got -2");
    Path none = TestFiles.write(dir.resolve("none.json"), "{\"spectra\": []}");
    assertThatThrownBy(() -> LayerSpectrum.read(none)).hasMessage(none + ": expected an array \"layers\" at the top level");
    Path broken = TestFiles.write(dir.resolve("broken.json"), "{\"layers\": [\n{\"layer\": }]}");
    assertThatThrownBy(() -> LayerSpectrum.read(broken)).hasMessageStartingWith(broken + ": not a valid JsonNode JSON file")
        .hasMessageContaining("line 2");
  }
}
