package dev.convcut.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.cli.CliRun;
import dev.convcut.cli.StudyCommandTest;
import dev.convcut.cli.TinyStudy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convcut sweep --spark local[2]}: Spark in the driver's JVM, against the in-process sweep of the same command. */
class LocalSparkSweepTest {
  @TempDir static Path shared;
  static Path data;
  static Path ck;
  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    data = TinyStudy.dataset(shared.resolve("fm"), 32, 200);
    ck = TinyStudy.checkpoint(shared.resolve("ck"), 5);
  }

  static String[] sweep(Path checkpoint, Path data, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("sweep", "--checkpoint", checkpoint.toString(), "--data-dir", data.toString(), "--out",
        out.toString(), "--layers", "features.2,features.6,features.8", "--cuts", "o|ihw,oi/hw,ohw/i", "--levels",
        "keep0.7,keep0.4,keep0.1,rank1,rank2", "--eval-samples", "150", "--batch-size", "64"));
    args.addAll(Arrays.asList(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void aSparkSweepWritesTheRowsOfTheInProcessSweep() {
    CliRun local = CliRun.of(sweep(ck, data, tmp.resolve("local")));
    assertThat(local.code()).as(local.err()).isZero();
    CliRun spark = CliRun.of(sweep(ck, data, tmp.resolve("spark"), "--spark", "local[2]"));
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.out()).contains("Layer-wise sweep").contains("Wrote " + tmp.resolve("spark/sweep.csv"));
    SweepRows.assertSameRows(tmp.resolve("spark/sweep.csv"), tmp.resolve("local/sweep.csv"));
    assertThat(SweepRows.lines(tmp.resolve("spark/sweep.csv"))).hasSize(1 + 1 + 3 * 3 * 5);
  }

  @Test
  void aGlobalSparkSweepWritesTheRowsOfTheInProcessOne() {
    CliRun local = CliRun.of(sweep(ck, data, tmp.resolve("local"), "--global"));
    assertThat(local.code()).as(local.err()).isZero();
    CliRun spark = CliRun.of(sweep(ck, data, tmp.resolve("spark"), "--global", "--spark", "local[2]"));
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.out()).contains("Global truncation");
    SweepRows.assertSameRows(tmp.resolve("spark/global.csv"), tmp.resolve("local/global.csv"));
  }

  @Test
  void anUnreachableMasterIsRefusedAtOnceAndNothingIsWritten() throws Exception {
    UnreachableMaster.assertRefusedAtOnce(master -> sweep(ck, data, tmp.resolve("s"), "--spark", master), tmp.resolve("s"));
  }

  @Test
  void anExecutorThatCannotReadTheCheckpointNamesItsHostAndThePathAndTheRowsSoFarStay() {
    Path missing = tmp.resolve("not-mounted/ck");
    CliRun r = CliRun.of(sweep(ck, data, tmp.resolve("s"), "--spark", "local[2]", "--spark-checkpoint", missing.toString()));
    assertThat(r.code()).as(r.out()).isEqualTo(1);
    assertThat(r.err()).contains("executor driver on host ").contains("cannot read the checkpoint's weights " + missing.resolve("weights.safetensors"))
        .contains("rows written so far are kept");
    List<String> kept = SweepRows.lines(tmp.resolve("s/sweep.csv"));
    assertThat(kept).hasSize(2);
    assertThat(kept.get(1)).contains("baseline");
    CliRun resumed = CliRun.of(sweep(ck, data, tmp.resolve("s"), "--spark", "local[2]"));
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("(1 from an earlier run)");
  }

  @Test
  void sparkCheckpointWithoutSparkIsAUsageError() {
    CliRun r = CliRun.of(sweep(ck, data, tmp.resolve("s"), "--spark-checkpoint", "/x"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--spark-checkpoint applies only with --spark MASTER");
    assertThat(Files.exists(tmp.resolve("s"))).isFalse();
  }

  @Test
  void aStudyOnSparkWritesTheSweepAndGlobalRowsOfTheInProcessStudy() throws Exception {
    Path config = Files.writeString(tmp.resolve("tiny.json"), StudyCommandTest.TINY, StandardCharsets.UTF_8);
    Path small = TinyStudy.dataset(tmp.resolve("fm"), 96, 48);
    Path cache = tmp.resolve("cache");
    CliRun local = CliRun.of("study", "--config", config.toString(), "--out", tmp.resolve("local").toString(), "--data-dir",
        small.toString(), "--cache", cache.toString());
    assertThat(local.code()).as(local.err()).isZero();
    CliRun spark = CliRun.of("study", "--config", config.toString(), "--out", tmp.resolve("spark").toString(), "--data-dir",
        small.toString(), "--cache", cache.toString(), "--spark", "local[2]");
    assertThat(spark.code()).as(spark.err()).isZero();
    SweepRows.assertSameRows(tmp.resolve("spark/sweep/sweep.csv"), tmp.resolve("local/sweep/sweep.csv"));
    SweepRows.assertSameRows(tmp.resolve("spark/global/global.csv"), tmp.resolve("local/global/global.csv"));
    assertThat(Files.readString(tmp.resolve("spark/sweep/sweep.json"))).contains("\"evaluatedOn\"").contains("local[2]");
  }
}
