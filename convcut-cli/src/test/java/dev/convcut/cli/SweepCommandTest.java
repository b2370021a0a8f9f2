package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.io.CsvTable;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
  @TempDir static Path shared;
  static Path data;
  static Path ck;
  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    data = TinyStudy.dataset(shared.resolve("fm"), 64, 60);
    ck = TinyStudy.checkpoint(shared.resolve("ck"), 3);
  }

  @Test
  void aLayerwiseSweepWritesOneRowPerLayerCutAndLevelAndSaysSo() {
    MainTest.Result r = MainTest.run("sweep", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--out", tmp.resolve("s").toString(),
        "--layers", "features.6", "--cuts", "o|ihw,oi/hw", "--levels", "keep0.5,rank1", "--eval-samples", "40");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Layer-wise sweep").contains("5 rows (0 from an earlier run)").contains("40 of 60 images")
        .contains("Wrote " + tmp.resolve("s/sweep.csv"));
    CsvTable t = CsvTable.read(tmp.resolve("s/sweep.csv"));
    assertThat(t.rows()).hasSize(5);
    assertThat(t.rows().get(1).text("shape")).isEqualTo("64x32x3x3");
    assertThat(t.rows().get(1).integer("eval_samples")).isEqualTo(40);
  }

  @Test
  void theGlobalSweepWritesGlobalCsv() {
    MainTest.Result r = MainTest.run("sweep", "--global", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--out",
        tmp.resolve("g").toString(), "--cuts", "o|ihw", "--levels", "keep0.5,rank1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Global truncation").contains("3 rows");
    assertThat(CsvTable.read(tmp.resolve("g/global.csv")).rows().get(1).integer("layers")).isEqualTo(4);
  }

  @Test
  void anUnknownLayerOrCutIsAUsageErrorListingTheValidOnes() {
    MainTest.Result r = MainTest.run("sweep", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--out", tmp.resolve("x").toString(),
        "--layers", "features.7");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no layer 'features.7'; valid layers (dense conv and linear): features.0, features.2, features.6, "
        + "features.8, classifier.1, classifier.4");
    MainTest.Result c = MainTest.run("sweep", "--checkpoint", ck.toString(), "--out", tmp.resolve("x").toString(), "--cuts", "o|xyz");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("--cuts: cut 'o|xyz'").contains("valid cuts: o|ihw");
  }

  @Test
  void sparkWithoutTheSparkModuleIsRefusedSayingHowToGetIt() {
    MainTest.Result r = MainTest.run("sweep", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--out",
        tmp.resolve("s").toString(), "--spark", "local[2]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--spark needs the optional convcut-spark module").contains("./convcut").contains("docs/spark.md");
    assertThat(tmp.resolve("s")).doesNotExist();
  }
}
