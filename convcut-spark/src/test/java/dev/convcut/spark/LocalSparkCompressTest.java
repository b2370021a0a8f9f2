package dev.convcut.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.cli.CliRun;
import dev.convcut.cli.TinyStudy;
import dev.convcut.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convcut compress --spark local[2]}: automatic mode's candidates measured as Spark tasks in
 * the driver's JVM, against the in-process run of the same command.
 */
class LocalSparkCompressTest {
  @TempDir static Path shared;
  static Path data;
  static Path ck;
  static Path reference;
  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    data = TinyStudy.dataset(shared.resolve("fm"), 600, 200);
    ck = trained(shared.resolve("ck"), data);
    reference = shared.resolve("in-process");
    CliRun local = CliRun.of(compress(ck, data, reference));
    assertThat(local.code()).as(local.err()).isZero();
  }

  /** A cnn4 trained one epoch on the tiny dataset: candidates then differ in accuracy, and some fall below the floor. */
  static Path trained(Path out, Path data) {
    CliRun r = CliRun.of("train", "--model", "cnn4", "--dataset", "fashion-mnist", "--data-dir", data.toString(), "--no-download",
        "--batch-size", "32", "--optimizer", "adam", "--lr", "0.002", "--eval-every", "0", "--threads", "2", "--seed", "3",
        "--epochs", "1", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return out;
  }

  /**
   * Automatic compress to a fifth of the parameters, every default method at four kept fractions, with a
   * floor of 2 points; --min-speedup 0, since which chains run faster is a timing, not a measurement.
   */
  static String[] compress(Path checkpoint, Path data, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("compress", "--checkpoint", checkpoint.toString(), "--data-dir", data.toString(),
        "--no-download", "--out", out.toString(), "--target-params", "0.2", "--keeps", "0.06,0.15,0.3,0.5", "--min-speedup", "0", "--select-images", "300",
        "--floor", "2", "--threads", "2", "--latency-batch", "4", "--latency-repeats", "1", "--latency-warmup", "0",
        "--no-progress"));
    args.addAll(Arrays.asList(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void automaticCompressOnSparkChoosesAndWritesWhatTheInProcessRunDoes() throws Exception {
    Path out = tmp.resolve("spark");
    CliRun spark = CliRun.of(compress(ck, data, out, "--spark", "local[2]"));
    assertThat(spark.code()).as(spark.err()).isZero();
    SameCompression.assertSame(out, reference);
    JsonNode on = Json.readFile(out.resolve("run.json"), JsonNode.class).findPath("evaluatedOn");
    assertThat(on.path("master").asText()).isEqualTo("local[2]");
    assertThat(on.path("tasks").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(on.path("taskAttemptsFailedAndRerun").asInt()).isZero();
  }

  @Test
  void manualModeAndAPlanRefuseSparkWithNothingWritten() {
    CliRun manual = CliRun.of("compress", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--out",
        tmp.resolve("m").toString(), "--method", "tucker2", "--keep", "0.5", "--spark", "local[2]");
    assertThat(manual.code()).isEqualTo(2);
    assertThat(manual.err()).contains("--spark runs automatic mode's candidate measurements")
        .contains("manual mode (--method) measures no candidates").contains("drop --spark");
    CliRun planned = CliRun.of("compress", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--out",
        tmp.resolve("p").toString(), "--plan", reference.toString(), "--spark", "local[2]");
    assertThat(planned.code()).isEqualTo(2);
    assertThat(planned.err()).contains("--plan measures no candidates");
    CliRun orphan = CliRun.of(compress(ck, data, tmp.resolve("o"), "--spark-checkpoint", "/x"));
    assertThat(orphan.code()).isEqualTo(2);
    assertThat(orphan.err()).contains("--spark-checkpoint applies only with --spark MASTER");
    assertThat(tmp.resolve("m")).doesNotExist();
    assertThat(tmp.resolve("p")).doesNotExist();
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void anUnreachableMasterIsRefusedAtOnceAndNothingIsWritten() throws Exception {
    UnreachableMaster.assertRefusedAtOnce(master -> compress(ck, data, tmp.resolve("c"), "--spark", master), tmp.resolve("c"));
  }

  @Test
  void anExecutorThatCannotReadTheCheckpointNamesItsHostAndThePathAndNothingIsWritten() {
    Path missing = tmp.resolve("not-mounted/ck");
    CliRun r = CliRun.of(compress(ck, data, tmp.resolve("c"), "--spark", "local[2]", "--spark-checkpoint", missing.toString()));
    assertThat(r.code()).as(r.out()).isEqualTo(1);
    assertThat(r.err()).contains("executor driver on host ")
        .contains("cannot read the checkpoint's weights " + missing.resolve("weights.safetensors"))
        .contains("nothing was written");
    assertThat(tmp.resolve("c")).doesNotExist();
  }

  /** The in-process run exercised what the comparison needs: several methods per layer, and groups left at the floor. */
  @Test
  void theReferenceRunMeasuredCandidatesBelowTheFloor() throws Exception {
    List<String> rows = Files.readAllLines(reference.resolve("sensitivity.csv"));
    assertThat(rows).hasSizeGreaterThan(20);
    assertThat(rows.stream().skip(1).map(r -> r.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[6]).mapToDouble(Double::parseDouble)
        .filter(d -> d < -2)).isNotEmpty();
  }
}
