package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, resume and eval end to end on a few hundred real Fashion-MNIST images (Debian's dataset-fashion-mnist). */
class TrainEvalCommandTest {
  @TempDir Path tmp;

  private CliRun train(Path out, String... extra) {
    String[] base = {"train", "--model", "cnn4", "--dataset", "fashion-mnist", "--no-download", "--limit", "256",
        "--batch-size", "64", "--optimizer", "adam", "--lr", "0.002", "--eval-every", "0", "--threads", "2", "--seed", "3",
        "--out", out.toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  @Test
  void trainWritesAResumableCheckpointAndTheSameSeedRepeatsTheMetrics() throws Exception {
    Path a = tmp.resolve("a");
    CliRun first = train(a, "--epochs", "1");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("epoch,lr,train_loss,train_top1,test_loss,test_top1,test_top5,seconds,images_per_s\n1,");
    for (String f : new String[] {"architecture.json", "weights.safetensors", "training-state.json", "optimizer.safetensors",
        "metrics.csv", "run.json"}) {
      assertThat(a.resolve(f)).exists();
    }
    assertThat(Files.readString(a.resolve("architecture.json"))).contains("\"fashion-mnist\"").contains("Ankle boot")
        .contains("0.286");

    CliRun refused = train(a, "--epochs", "1");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("--force");

    CliRun resumed = CliRun.of("train", "--resume", a.toString(), "--epochs", "2", "--dataset", "fashion-mnist", "--threads", "2");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    Path b = tmp.resolve("b");
    CliRun straight = train(b, "--epochs", "2");
    assertThat(straight.code()).as(straight.err()).isZero();
    assertThat(trainColumns(resumed.out())).isEqualTo(trainColumns(straight.out()));
  }

  @Test
  void resumingWithoutTheOptimizerStateIsRefusedUnlessResetOnPurpose() throws Exception {
    Path a = tmp.resolve("a");
    assertThat(train(a, "--epochs", "1").code()).isZero();
    Files.delete(a.resolve("optimizer.safetensors"));
    byte[] weights = Files.readAllBytes(a.resolve("weights.safetensors"));
    String[] resume = {"train", "--resume", a.toString(), "--epochs", "2", "--dataset", "fashion-mnist", "--threads", "2"};
    CliRun refused = CliRun.of(resume);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains(a.resolve("optimizer.safetensors") + ": missing; " + a + " took 4 adam steps")
        .contains("--reset-optimizer");
    assertThat(Files.readAllBytes(a.resolve("weights.safetensors"))).as("the checkpoint is left as it was").isEqualTo(weights);
    String[] reset = java.util.Arrays.copyOf(resume, resume.length + 1);
    reset[resume.length] = "--reset-optimizer";
    CliRun allowed = CliRun.of(reset);
    assertThat(allowed.code()).as(allowed.err()).isZero();
    assertThat(Files.readString(a.resolve("training-state.json"))).contains("\"epochsDone\" : 2");
  }

  /** The epoch, learning-rate and training loss/accuracy columns (timings differ from run to run). */
  private static String trainColumns(String csv) {
    StringBuilder sb = new StringBuilder();
    for (String line : csv.split("\n")) {
      String[] c = line.split(",");
      sb.append(c[0]).append(',').append(c[1]).append(',').append(c[2]).append(',').append(c[3]).append('\n');
    }
    return sb.toString();
  }

  @Test
  void evalReportsTopOneAsAFractionAndWritesTheConfusionMatrix() throws Exception {
    Path ck = tmp.resolve("ck");
    assertThat(train(ck, "--epochs", "1").code()).isZero();
    Path out = tmp.resolve("eval");
    CliRun r = CliRun.of("eval", "--checkpoint", ck.toString(), "--limit", "300", "--json", "--out", out.toString(),
        "--threads", "2", "--no-download");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.mapper().readTree(r.out());
    assertThat(j.get("images").asInt()).isEqualTo(300);
    // Four Adam steps on 256 images already beat chance (10 %) on 300 test images.
    assertThat(j.get("top1").asDouble()).isBetween(0.13, 1.0);
    long total = 0;
    for (JsonNode row : j.get("confusion")) {
      for (JsonNode v : row) {
        total += v.asLong();
      }
    }
    assertThat(total).isEqualTo(300);
    assertThat(j.get("top5").asDouble()).isGreaterThanOrEqualTo(j.get("top1").asDouble());
    assertThat(j.get("perClass").has("Ankle boot")).isTrue();
    assertThat(Files.readString(out.resolve("confusion.csv"))).startsWith("true\\predicted,T-shirt/top,Trouser,");
    assertThat(out.resolve("run.json")).exists();
  }

  @Test
  void evalOfACheckpointWithoutADatasetNeedsOne() {
    CliRun r = CliRun.of("eval", "--checkpoint", tmp.resolve("missing").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("missing");
  }

  @Test
  void trainWithoutAModelIsAUsageError() {
    CliRun r = CliRun.of("train", "--dataset", "fashion-mnist", "--out", tmp.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--model");
  }
}
