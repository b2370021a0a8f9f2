package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.io.CsvTable;
import java.nio.file.Files;
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

  @Test
  void aSpectrumIntoItsOwnCheckpointIsRefusedEvenWhenForcedAndLeavesItsRecord() throws Exception {
    Path ck = TinyStudy.checkpoint(tmp.resolve("ck"), 2);
    byte[] record = Files.readAllBytes(ck.resolve("run.json"));
    MainTest.Result r = MainTest.run("spectrum", "--checkpoint", ck.toString(), "--out", ck.toString());
    MainTest.Result forced = MainTest.run("spectrum", "--checkpoint", ck.toString(), "--out", ck.toString(), "--force");
    for (MainTest.Result x : new MainTest.Result[] {r, forced}) {
      assertThat(x.code()).isEqualTo(1);
      assertThat(x.err()).contains(ck + " is a checkpoint (it holds architecture.json)");
    }
    assertThat(Files.readAllBytes(ck.resolve("run.json"))).isEqualTo(record);
    assertThat(ck.resolve("spectrum.csv")).doesNotExist();
  }

  @Test
  void aSpectrumIntoAFolderOfAnotherCommandIsRefusedUnlessForced() throws Exception {
    Path ck = TinyStudy.checkpoint(tmp.resolve("ck"), 2);
    Path out = tmp.resolve("sweep");
    Files.createDirectories(out);
    Files.writeString(out.resolve("run.json"), "{\"command\": \"sweep\"}");
    MainTest.Result r = MainTest.run("spectrum", "--checkpoint", ck.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(out + " holds the outputs of another command ('sweep', in run.json)");
    assertThat(MainTest.run("spectrum", "--checkpoint", ck.toString(), "--out", out.toString(), "--force").code()).isZero();
  }
}
