package dev.convcut.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.cli.CliRun;
import dev.convcut.cli.TinyStudy;
import dev.convcut.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convcut sweep --spark spark://127.0.0.1:PORT} on a real standalone cluster (a Master and
 * two Workers, separate processes), against the in-process sweep of the same command: the same
 * rows, each once, also when a Worker is lost mid-sweep or the driver is killed and re-run; and
 * automatic {@code compress} on the same cluster against its in-process run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneSparkSweepTest {
  @TempDir static Path shared;
  static Path data;
  static Path ck;
  static StandaloneCluster cluster;
  static Path reference;

  @BeforeAll
  static void setUp() throws Exception {
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    System.setProperty("spark.executor.memory", "1g");
    System.setProperty("spark.local.dir", Files.createDirectories(shared.resolve("spark-local")).toString());
    data = TinyStudy.dataset(shared.resolve("fm"), 32, 600);
    ck = TinyStudy.checkpoint(shared.resolve("ck"), 9);
    cluster = StandaloneCluster.start(shared.resolve("cluster"), 2, "1536m");
    reference = shared.resolve("in-process");
    CliRun local = CliRun.of(args(reference));
    assertThat(local.code()).as(local.err()).isZero();
  }

  @AfterAll
  static void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
    for (String p : List.of("spark.driver.host", "spark.driver.bindAddress", "spark.executor.memory", "spark.local.dir")) {
      System.clearProperty(p);
    }
  }

  static String[] args(Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("sweep", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--out",
        out.toString(), "--layers", "features.2,features.6,features.8", "--cuts", "o|ihw,oi/hw,ohw/i", "--levels",
        "keep0.8,keep0.6,keep0.4,keep0.2,rank1,rank2", "--eval-samples", "500", "--batch-size", "100"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  @Order(1)
  void aSweepOnTheClusterWritesTheRowsOfTheInProcessSweep() {
    Path out = shared.resolve("cluster-run");
    CliRun r = CliRun.of(args(out, "--spark", cluster.url()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("(0 from an earlier run)");
    SweepRows.assertSameRows(out.resolve("sweep.csv"), reference.resolve("sweep.csv"));
    assertThat(SweepRows.keys(out.resolve("sweep.csv"))).hasSize(1 + 3 * 3 * 6);
    JsonNode on = Json.readFile(out.resolve("sweep.json"), JsonNode.class).path("evaluatedOn");
    assertThat(on.path("master").asText()).isEqualTo(cluster.url());
    assertThat(on.path("executorsJoined").asInt()).isEqualTo(2);
    assertThat(on.path("taskAttemptsFailedAndRerun").asInt()).isZero();
    assertThat(on.path("tasks").asInt()).isGreaterThanOrEqualTo(4);
  }

  @Test
  @Order(2)
  void aKilledDriverIsResumedFromTheCsvByTheNextRun() throws Exception {
    Path out = shared.resolve("driver-killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    cmd.addAll(StandaloneCluster.sparkJavaOptions());
    cmd.addAll(List.of("-Dai.djl.offline=true", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
        "-Dspark.executor.memory=1g", "-Dspark.local.dir=" + System.getProperty("spark.local.dir"), "-cp", System.getProperty("java.class.path"), "dev.convcut.cli.Main"));
    cmd.addAll(List.of(args(out, "--spark", cluster.url())));
    Process driver = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(shared.resolve("driver.log").toFile()).start();
    int atKill = awaitRows(out.resolve("sweep.csv"), 3, driver);
    driver.descendants().forEach(ProcessHandle::destroyForcibly);
    driver.destroyForcibly();
    driver.waitFor();
    int total = 1 + 3 * 3 * 6;
    assertThat(atKill).as("killed mid-sweep").isLessThan(1 + total);
    CliRun r = CliRun.of(args(out, "--spark", cluster.url()));
    assertThat(r.code()).as(r.err()).isZero();
    int kept = SweepRows.lines(out.resolve("sweep.csv")).size();
    assertThat(r.out()).contains(total + " rows (");
    assertThat(r.out()).doesNotContain("(0 from an earlier run)");
    SweepRows.assertSameRows(out.resolve("sweep.csv"), reference.resolve("sweep.csv"));
    assertThat(kept).isEqualTo(1 + total);
  }

  @Test
  @Order(3)
  void aWorkerLostMidSweepHasItsTasksRerunAndNoRowIsLostOrWrittenTwice() throws Exception {
    Path out = shared.resolve("worker-lost");
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(args(out, "--spark", cluster.url())));
    cluster.awaitLog("master", "Launching executor", 4, 240); // two per earlier application, two for this one
    int atKill = awaitRows(out.resolve("sweep.csv"), 3, null);
    cluster.killWorker(1);
    CliRun r = run.get(480, TimeUnit.SECONDS);
    assertThat(r.code()).as(r.err()).isZero();
    int total = 1 + 3 * 3 * 6;
    assertThat(atKill).as("the worker was lost mid-sweep").isLessThan(1 + total);
    SweepRows.assertSameRows(out.resolve("sweep.csv"), reference.resolve("sweep.csv"));
    JsonNode on = Json.readFile(out.resolve("sweep.json"), JsonNode.class).path("evaluatedOn");
    assertThat(on.path("taskAttemptsFailedAndRerun").asInt()).as("the lost worker's task ran again").isPositive();
  }

  @Test
  @Order(4)
  void automaticCompressOnTheClusterChoosesAndWritesWhatTheInProcessRunDoes() throws Exception {
    cluster.addWorker("1536m"); // in place of the Worker the test above killed: two again
    cluster.awaitLog("master", "Registering worker", 3, 90);
    List<String> a = new ArrayList<>(List.of("compress", "--checkpoint", ck.toString(), "--data-dir", data.toString(),
        "--no-download", "--target-params", "0.3", "--methods", "tucker2,tt,svd:o/ihw,svd:oi/hw", "--keeps", "0.1,0.3,0.5",
        "--min-speedup", "0", "--select-split", "test", "--select-images", "400", "--threads", "2", "--latency-batch", "4",
        "--latency-repeats", "1", "--latency-warmup", "0", "--no-progress", "--out"));
    Path local = shared.resolve("compress-in-process");
    Path remote = shared.resolve("compress-cluster");
    CliRun inProcess = CliRun.of(concat(a, local.toString()));
    assertThat(inProcess.code()).as(inProcess.err()).isZero();
    CliRun onCluster = CliRun.of(concat(a, remote.toString(), "--spark", cluster.url()));
    assertThat(onCluster.code()).as(onCluster.err()).isZero();
    SameCompression.assertSame(remote, local);
    JsonNode on = Json.readFile(remote.resolve("run.json"), JsonNode.class).findPath("evaluatedOn");
    assertThat(on.path("master").asText()).isEqualTo(cluster.url());
    assertThat(on.path("executorsJoined").asInt()).isEqualTo(2);
    assertThat(on.path("tasks").asInt()).isGreaterThanOrEqualTo(4);
  }

  private static String[] concat(List<String> a, String... more) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** Waits until {@code csv} holds {@code lines} lines or more (header included); returns how many it held then. */
  private static int awaitRows(Path csv, int lines, Process alive) throws Exception {
    long end = System.nanoTime() + 300_000_000_000L; // generous: the suite runs on shared, loaded machines
    while (System.nanoTime() < end) {
      if (Files.exists(csv)) {
        int n = SweepRows.lines(csv).size();
        if (n >= lines) {
          return n;
        }
      }
      if (alive != null && !alive.isAlive()) {
        throw new IllegalStateException("the driver exited early: " + Files.readString(shared.resolve("driver.log")));
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(csv + " did not reach " + lines + " lines");
  }
}
