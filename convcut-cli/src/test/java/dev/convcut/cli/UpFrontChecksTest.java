package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options are checked, and the output place probed, before any data is read or any model runs
 * (issue 16, items 5-7). The data folder given is missing on purpose: a command that read data
 * before checking would fail on it instead (exit 1, a dataset message).
 */
class UpFrontChecksTest {
  @TempDir static Path shared;
  static Path data;
  static Path ck;
  static Path noData;
  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    data = TinyStudy.dataset(shared.resolve("fm"), 64, 60);
    ck = TinyStudy.checkpoint(shared.resolve("ck"), 3);
    noData = shared.resolve("no-such-data");
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static void assertUsage(CliRun r, String message) {
    assertThat(r.err()).as("exit code of: " + r.err()).contains(message);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
  }

  private String[] withData(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data-dir", noData.toString(), "--no-download"));
    return all.toArray(new String[0]);
  }

  @Test
  void badNumbersAreUsageErrorsBeforeAnyDataIsRead() {
    String out = tmp.resolve("o").toString();
    String c = ck.toString();
    assertUsage(run(withData("compress", "--checkpoint", c, "--method", "tucker2", "--keep", "0.5", "--batch", "0",
        "--finetune-epochs", "1", "--out", out)), "--batch must be >= 2 (BatchNorm needs two images per step), got 0");
    assertUsage(run(withData("compress", "--checkpoint", c, "--method", "tucker2", "--keep", "0.5", "--threads", "-1",
        "--out", out)), "--threads must be a positive number, or 0 for all cores; got -1");
    assertUsage(run(withData("train", "--model", "cnn4", "--dataset", "fashion-mnist", "--threads", "-1", "--out", out)),
        "--threads must be a positive number, or 0 for all cores; got -1");
    assertUsage(run(withData("sweep", "--checkpoint", c, "--batch-size", "0", "--out", out)), "--batch-size must be ≥ 1, got 0");
    assertUsage(run(withData("sweep", "--checkpoint", c, "--eval-samples", "-5", "--out", out)), "--eval-samples must be ≥ 0");
    assertUsage(run(withData("truncate", "--checkpoint", c, "--spec", "features.6:o|ihw=keep0.5", "--evaluate",
        "--threads", "-1", "--out", out)), "--threads must be");
    assertUsage(run(withData("retrain", "--checkpoint", c, "--train-batch", "1", "--out", out)), "batch size must be ≥ 2, got 1");
    assertUsage(run(withData("retrain", "--checkpoint", c, "--optimizer", "adamw", "--out", out)),
        "optimizer must be sgd or adam, got 'adamw'");
    assertUsage(run(withData("eval", "--checkpoint", c, "--batch-size", "0")), "--batch-size must be ≥ 1, got 0");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void anUnwritableOutIsRefusedWithTheReasonBeforeAnyDataOrModelIsRead() throws Exception {
    String bad = "/proc/convcut-out";
    String why = "could not write " + bad + ": /proc does not accept new files";
    String c = ck.toString();
    String missing = tmp.resolve("no-checkpoint").toString();
    List<String[]> commands = List.of(
        withData("train", "--model", "cnn4", "--dataset", "fashion-mnist", "--out", bad),
        withData("compress", "--checkpoint", c, "--method", "tucker2", "--keep", "0.5", "--out", bad),
        withData("sweep", "--checkpoint", c, "--out", bad),
        new String[] {"spectrum", "--checkpoint", missing, "--out", bad},
        withData("truncate", "--checkpoint", missing, "--spec", "features.6:o|ihw=keep0.5", "--out", bad),
        withData("retrain", "--checkpoint", c, "--out", bad),
        withData("eval", "--checkpoint", c, "--out", bad),
        new String[] {"export", "--checkpoint", missing, "--out", bad + ".npz"},
        withData("study", "--config", "fashion-mnist-cnn4-quick", "--cache", tmp.resolve("cache").toString(), "--out", bad));
    for (String[] args : commands) {
      CliRun r = run(args);
      assertThat(r.err()).as(String.join(" ", args)).contains(args[0].equals("export") ? why.replace(bad, bad + ".npz") : why);
      assertThat(r.code()).as(r.err()).isEqualTo(1);
    }
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    CliRun under = run(withData("train", "--model", "cnn4", "--dataset", "fashion-mnist", "--out", file.resolve("run").toString()));
    assertThat(under.err()).contains("could not write " + file.resolve("run") + ": " + file + " is a file, not a folder");
    assertThat(under.code()).isEqualTo(1);
  }

  @Test
  void optionsThatWouldDoNothingAreRefusedNamingBothAndWhy() {
    String out = tmp.resolve("o").toString();
    String[] train = {"train", "--model", "cnn4", "--dataset", "fashion-mnist", "--out", out};
    assertUsage(run(withData(concat(train, "--optimizer", "adam", "--nesterov"))),
        "--nesterov applies to SGD; with --optimizer adam it would be ignored");
    assertUsage(run(withData(concat(train, "--optimizer", "adam", "--momentum", "0.8"))),
        "--momentum applies to SGD; with --optimizer adam it would be ignored");
    assertUsage(run(withData(concat(train, "--milestones", "5,10"))),
        "--milestones applies to --schedule step; with --schedule cosine it would be ignored");
    assertUsage(run(withData(concat(train, "--schedule", "step"))), "--schedule step needs --milestones");
    assertUsage(run(withData(concat(train, "--augment", "none", "--crop-padding", "2"))),
        "--crop-padding applies to --augment crop-flip; with --augment none it would be ignored");
    assertUsage(run(withData("train", "--resume", ck.toString(), "--lr", "0.1", "--dataset", "fashion-mnist")),
        "--lr cannot be combined with --resume");
    assertUsage(run(withData("retrain", "--checkpoint", ck.toString(), "--optimizer", "adam", "--momentum", "0.5", "--out", out)),
        "--momentum applies to SGD; with --optimizer adam it would be ignored");
    assertThat(run(withData(concat(train, "--schedule", "step", "--milestones", "5", "--gamma", "0.5", "--augment", "crop-flip",
        "--crop-padding", "2"))).err()).as("a consistent choice gets as far as the data").contains(noData.toString());
  }

  @Test
  void fineTuningAndSelectionOptionsWithoutFineTuningOrAutomaticModeAreRefused() {
    String out = tmp.resolve("o").toString();
    String[] manual = {"compress", "--checkpoint", ck.toString(), "--method", "tucker2", "--keep", "0.5", "--out", out};
    String none = "applies to fine-tuning (--finetune-epochs E); without fine-tuning epochs it would be ignored";
    assertUsage(run(withData(concat(manual, "--lr", "0.05"))), "--lr " + none);
    assertUsage(run(withData(concat(manual, "--batch", "64"))), "--batch " + none);
    assertUsage(run(withData(concat(manual, "--finetune-epochs", "0", "--distill", "0.5"))), "--distill " + none);
    assertUsage(run(withData(concat(manual, "--seed", "3"))),
        "--seed applies to fine-tuning (--finetune-epochs E) and automatic selection; without either it would be ignored");
    assertUsage(run(withData(concat(manual, "--finetune-epochs", "1", "--distill-temperature", "2"))),
        "--distill-temperature applies to distillation (--distill W with W > 0); without it it would be ignored");
    assertUsage(run(withData(concat(manual, "--select-images", "100"))),
        "--select-images applies to automatic mode (--target-params, --target-macs, --max-drop); in manual mode it would be ignored");
    assertUsage(run(withData(concat(manual, "--min-speedup", "2"))), "--min-speedup applies to automatic mode");
    assertThat(run(withData(concat(manual, "--finetune-epochs", "1", "--lr", "0.05", "--batch", "64", "--seed", "3",
        "--distill", "0.5", "--distill-temperature", "2"))).err()).as("fine-tuning uses them: it gets as far as the data")
        .contains(noData.toString());
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void scoringOptionsOfTruncateWithoutEvaluateAreRefused() {
    String out = tmp.resolve("o").toString();
    String[] truncate = {"truncate", "--checkpoint", ck.toString(), "--spec", "features.6:o|ihw=keep0.5", "--out", out};
    for (String[] option : List.of(new String[] {"--eval-samples", "10"}, new String[] {"--batch-size", "8"},
        new String[] {"--seed", "1"}, new String[] {"--dataset", "fashion-mnist"}, new String[] {"--crop", "24"})) {
      assertUsage(run(withData(concat(truncate, option))), option[0] + " applies to --evaluate; without it it would be ignored");
    }
    assertThat(tmp.resolve("o")).doesNotExist();
    assertThat(run(withData(truncate)).code()).as("--data-dir and --no-download are accepted without --evaluate").isZero();
  }

  @Test
  void evalSamplesAboveTheSplitSizeAreRefusedSayingTheSize() {
    CliRun r = run("sweep", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--eval-samples", "100",
        "--layers", "features.6", "--cuts", "o|ihw", "--levels", "keep0.5", "--out", tmp.resolve("s").toString());
    assertUsage(r, "--eval-samples 100 exceeds the 60 images of fashion-mnist/test (0 scores the whole split)");
  }

  @Test
  void aMissingWeightsFileIsSaidToBeMissingNamingThePathOnce() throws Exception {
    Path broken = tmp.resolve("broken");
    Files.createDirectories(broken);
    Files.copy(ck.resolve("architecture.json"), broken.resolve("architecture.json"));
    Path weights = broken.resolve("weights.safetensors");
    for (String[] args : List.of(new String[] {"eval", "--checkpoint", broken.toString(), "--data-dir", data.toString()},
        new String[] {"spectrum", "--checkpoint", broken.toString(), "--out", tmp.resolve("sp").toString()},
        new String[] {"sweep", "--checkpoint", broken.toString(), "--data-dir", data.toString(), "--out", tmp.resolve("sw").toString()})) {
      CliRun r = run(args);
      assertThat(r.err()).as(args[0]).isEqualTo("convcut " + args[0] + ": " + weights + ": missing\n");
      assertThat(r.code()).isEqualTo(1);
    }
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(new String[0]);
  }
}
