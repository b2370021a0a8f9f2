package dev.convcut.report.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumEntryTest {
  static final String HEADER = "layer,depth,shape,cut,rows,cols,full_rank,entropy,renyi2,effective_rank,normalized_entropy\n";

  @TempDir Path dir;

  @Test
  void readsRowsAndAnEmptyNormalizedEntropyAsNaN() {
    Path f = TestFiles.write(dir.resolve("spectrum.csv"), HEADER
        + "features.0,0,16x1x3x3,o|ihw,16,9,9,1.5,1.2,4.48,0.68\nfc,4,10x64,o|i,10,64,1,0,0,1,\n");
    var rows = SpectrumEntry.read(f);
    assertThat(rows.get(0)).isEqualTo(new SpectrumEntry("features.0", 0, "16x1x3x3", "o|ihw", 9, 1.5, 0.68));
    assertThat(rows.get(1).normalizedEntropy()).isNaN();
  }

  @Test
  void aNormalizedEntropyAboveOneIsAnError() {
    Path f = TestFiles.write(dir.resolve("spectrum.csv"), HEADER + "features.0,0,16x1x3x3,o|ihw,16,9,9,1.5,1.2,4.48,1.7\n");
    assertThatThrownBy(() -> SpectrumEntry.read(f)).hasMessage(f + ": line 2: normalized_entropy must be in [0, 1] or empty, got 1.7");
  }
}
