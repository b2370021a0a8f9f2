package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.io.CsvTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumCommandTest {
  @TempDir Path tmp;

  @Test
  void writesTheSpectrumFilesAndPrintsTheEntropyTable() {
    Path ck = TinyStudy.checkpoint(tmp.resolve("ck"), 2);
    Path out = tmp.resolve("spectrum");
    MainTest.Result r = MainTest.run("spectrum", "--checkpoint", ck.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("entanglement entropy S (nats)").contains("features.8").contains("classifier.4")
        .contains("Wrote " + out.resolve("spectrum.csv"));
    CsvTable t = CsvTable.read(out.resolve("spectrum.csv"));
    // features.0 (32x1x3x3) has 6 non-trivial cuts; features.2/6/8 have 7; the two linear layers one each.
    assertThat(t.rows()).hasSize(6 + 3 * 7 + 2);
    assertThat(out.resolve("singular_values.json")).exists();
    assertThat(out.resolve("run.json")).exists();
    MainTest.Result again = MainTest.run("spectrum", "--checkpoint", ck.toString(), "--out", out.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("already exists").contains("--force");
  }
}
