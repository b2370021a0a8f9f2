package dev.convcut.report;

import dev.convcut.Marked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.ConvcutException;
import dev.convcut.InvalidRequestException;
import dev.convcut.io.Json;
import dev.convcut.report.analysis.Criteria;
import dev.convcut.report.analysis.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir Path tmp;
  Path run;

  /** A small run (re-training only, one plot) keeps the tests of the folder handling fast. */
  @BeforeEach
  void writeRun() throws IOException {
    run = tmp.resolve("run");
    SyntheticRun.write(run.resolve("retrain/retrain.csv"), SyntheticRun.RETRAIN_CSV);
    Files.writeString(run.resolve("run.json"), SyntheticRun.RUN_JSON);
  }

  private Report.Result report(Path out, boolean force) {
    return Report.write(run, out, Criteria.defaults(), force, List.of("report", "--run", run.toString()));
  }

  @Test
  void writesThePageThePlotsAndRunJsonIntoTheRunsReportFolder() throws IOException {
    run = SyntheticRun.write(tmp.resolve("full"), SyntheticRun.DEEPER_TOLERATE_MORE);
    Report.Result r = report(null, false);
    assertThat(r.folder()).isEqualTo(run.resolve("report").toAbsolutePath());
    assertThat(r.index()).isEqualTo(r.folder().resolve("index.html"));
    assertThat(r.files()).hasSize(16).allMatch(Files::isRegularFile);
    try (Stream<Path> files = Files.list(r.folder())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))).hasSize(14);
    }
    assertThat(r.findings().deeperLayers().verdict()).isEqualTo(Verdict.HELD);
    JsonNode json = Json.readFile(r.folder().resolve("run.json"), JsonNode.class);
    assertThat(json.path("command").asText()).isEqualTo("report");
    assertThat(json.path("machine").path("device").asText()).as("the report never starts the engine").isEqualTo("none");
    assertThat(json.path("code").path("pytorchVersion").isNull()).isTrue();
    assertThat(json.path("inputsSha256").has("sweep.csv")).isTrue();
    assertThat(json.path("configuration").path("tolerance").asDouble()).isEqualTo(0.5);
    assertThat(json.path("results").path("deeperLayers").path("verdict").asText()).isEqualTo("HELD");
  }

  @Test
  void reRunningReplacesTheEarlierReportAsAWhole() throws IOException {
    Report.Result first = report(null, false);
    Files.writeString(first.folder().resolve("stale.png"), "x");
    report(null, false);
    assertThat(first.folder().resolve("stale.png")).doesNotExist();
    assertThat(first.index()).exists();
    try (Stream<Path> siblings = Files.list(run)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).as("no temporary folders left behind")
          .containsExactlyInAnyOrder("run.json", "retrain", "report");
    }
  }

  @Test
  void aFolderThatIsNotAReportIsReplacedOnlyWithForce() throws IOException {
    Path other = tmp.resolve("notes");
    Files.createDirectories(other);
    Files.writeString(other.resolve("todo.txt"), "keep me");
    assertThatThrownBy(() -> report(other, false)).isInstanceOf(ConvcutException.class)
        .hasMessage(other.toAbsolutePath() + " exists and is not a convcut report; choose another output path or pass the force option to"
            + " replace it")
        .satisfies(e -> assertThat(Marked.of(e)).endsWith("choose another <OUT> or pass <FORCE> to replace it"));
    assertThat(other.resolve("todo.txt")).exists();
    report(other, true);
    assertThat(other.resolve("todo.txt")).doesNotExist();
    assertThat(other.resolve("index.html")).exists();
  }

  @Test
  void anEmptyFolderIsFineWithoutForce() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(report(empty, false).index()).exists();
  }

  @Test
  void theRunsOwnFilesAreNeverReplacedEvenWithForce() {
    assertThatThrownBy(() -> report(run, true)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("holds the run's own files");
    assertThatThrownBy(() -> report(tmp, true)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> report(run.resolve("retrain"), true)).isInstanceOf(InvalidRequestException.class);
    assertThat(run.resolve("retrain/retrain.csv")).exists();
  }

  @Test
  void theReportPackageDoesNotReferToTheEngine() throws Exception {
    Path classes = Path.of(Report.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/convcut/report");
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path c : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String constants = new String(Files.readAllBytes(c), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(constants).as(c.getFileName().toString()).doesNotContain("ai/djl").doesNotContain("dev/convcut/engine");
      }
    }
  }
}
