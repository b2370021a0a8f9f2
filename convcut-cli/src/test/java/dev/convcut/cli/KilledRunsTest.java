package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.WeightFiles;
import dev.convcut.io.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a sweep, a training run and a whole study (the resnet20 configuration's recipe at toy
 * size) in their own JVMs, killed with SIGKILL at seeded random moments and resumed, end with the rows
 * and weights of an uninterrupted run, no row twice and no leftovers; and a second writer into a folder
 * that a running process writes is refused with that process's PID.
 */
class KilledRunsTest {
  private static final int KILLS = 2;
  /** How long a tiny study may take on a loaded 2-core machine. */
  private static final long STUDY_SECONDS = 600;
  @TempDir static Path shared;
  static Path data;
  static Path ck;
  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    data = TinyStudy.dataset(shared.resolve("fm"), 256, 200);
    ck = TinyStudy.checkpoint(shared.resolve("ck"), 3);
  }

  private List<String> sweep(Path out) {
    return List.of("sweep", "--checkpoint", ck.toString(), "--data-dir", data.toString(), "--no-download", "--out", out.toString(),
        "--layers", "features.6,features.8", "--levels", "keep0.9,keep0.7,keep0.5,keep0.3,keep0.1,rank1", "--eval-samples", "100",
        "--batch-size", "50", "--threads", "1");
  }

  private List<String> train(Path out) {
    Path state = out.resolve("training-state.json");
    List<String> common = List.of("--dataset", "fashion-mnist", "--data-dir", data.toString(), "--no-download", "--epochs", "4",
        "--threads", "1");
    List<String> args = new ArrayList<>(Files.exists(state) ? List.of("train", "--resume", out.toString())
        : List.of("train", "--model", "cnn4", "--limit", "256", "--batch-size", "32", "--optimizer", "adam", "--lr", "0.002",
            "--eval-every", "0", "--seed", "3", "--out", out.toString()));
    args.addAll(common);
    return args;
  }

  /**
   * The fashion-mnist-resnet20 study at toy size: resnet20 trained with Nesterov momentum and a
   * 2-pixel crop with flip, three layers (one a 1×1 downsampling projection) swept, the evaluation
   * noise measured, a global truncation, dense and projected re-training.
   */
  static final String TINY_RESNET20 = """
      {"name": "tiny-resnet20", "description": "the resnet20 study at toy size", "model": "resnet20", "stem": "cifar",
       "dataset": "fashion-mnist",
       "train": {"epochs": 2, "batchSize": 32, "optimizer": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": true,
                 "weightDecay": 0.0005, "schedule": "cosine", "labelSmoothing": 0.0, "augment": true, "cropPadding": 2,
                 "trainImages": 0, "seed": 1},
       "evalSamples": 40, "seed": 5, "batchSize": 40,
       "sweep": {"layers": ["layer1.0.conv2", "layer2.0.downsample.0", "layer3.2.conv1"], "cuts": "o|ihw,oi|hw",
                 "levels": "keep0.5,rank1"},
       "global": {"layers": [], "cuts": "o|ihw", "levels": "keep0.5,rank1"},
       "retrain": {"epochs": 1, "batchSize": 32, "optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "nesterov": true,
                   "weightDecay": 0.0005, "schedule": "constant", "labelSmoothing": 0.0, "augment": true, "cropPadding": 2,
                   "trainImages": 0, "seed": 2},
       "projected": true, "tolerance": 0.5, "expectedMinutes": "under one"}
      """;

  private List<String> study(Path out) {
    // Each run directory has its own model cache, so a killed run trains again rather than reusing the reference's model.
    return List.of("study", "--config", shared.resolve("tiny-resnet20.json").toString(), "--out", out.toString(), "--data-dir",
        data.toString(), "--no-download", "--cache", out.resolveSibling(out.getFileName() + "-cache").toString(), "--threads", "1",
        "--device", "cpu");
  }

  @Test
  void aStudyKilledAtRandomMomentsAndResumedEndsWithTheFilesOfAnUninterruptedRun() throws Exception {
    Files.writeString(shared.resolve("tiny-resnet20.json"), TINY_RESNET20, StandardCharsets.UTF_8);
    Path reference = tmp.resolve("reference");
    long t0 = System.nanoTime();
    Process p = start(reference, study(reference));
    assertThat(p.waitFor(STUDY_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log(reference)).isZero();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    Path out = tmp.resolve("killed");
    killAndResume(out, this::study, millis, 18);
    for (String csv : List.of("sweep/sweep.csv", "noise/noise.csv", "global/global.csv")) {
      assertThat(Files.readAllLines(out.resolve(csv), StandardCharsets.UTF_8)).as(csv)
          .containsExactlyInAnyOrderElementsOf(Files.readAllLines(reference.resolve(csv), StandardCharsets.UTF_8));
    }
    assertThat(CsvTable.read(out.resolve("noise/noise.csv")).rows()).as("noise rows").isNotEmpty();
    // The baseline; two 3×3 layers × 2 cuts × 2 levels; the 1×1 projection along o|ihw only (oi|hw is trivial on a 1×1 kernel).
    assertThat(CsvTable.read(out.resolve("sweep/sweep.csv")).rows()).hasSize(1 + 2 * 2 * 2 + 2);
    assertNoKeyTwice(out.resolve("sweep/sweep.csv"));
    assertThat(Files.readAllBytes(out.resolve("model/weights.safetensors"))).as("the trained model, byte for byte")
        .isEqualTo(Files.readAllBytes(reference.resolve("model/weights.safetensors")));
    if (Files.exists(reference.resolve("retrain/retrain.csv"))) {
      Function<Path, List<String>> epochs = dir -> CsvTable.read(dir.resolve("retrain/retrain.csv")).rows().stream()
          .map(r -> r.text("run") + " " + r.text("epoch") + " " + r.text("top1") + " " + r.text("train_loss")).sorted().toList();
      assertThat(epochs.apply(out)).isEqualTo(epochs.apply(reference));
    }
    assertThat(out.resolve("report/index.html")).exists();
    // The steps' lock files stay (docs/formats.md); no half-written folder does, nor the training's state between epochs.
    try (Stream<Path> all = Files.walk(out.getParent())) {
      assertThat(all.map(x -> x.getFileName().toString()))
          .noneMatch(n -> n.contains(".partial-") || n.contains(".old-") || n.endsWith(".training"));
    }
  }

  @Test
  void aSweepKilledAtRandomMomentsAndResumedWritesTheRowsOfAnUninterruptedRunAndASecondWriterIsRefused() throws Exception {
    Path reference = tmp.resolve("reference");
    long seconds = uninterruptedWithARefusedSecondWriter(reference, this::sweep, "sweep.csv");
    Path out = tmp.resolve("killed");
    killAndResume(out, this::sweep, seconds, 16);
    List<String> rows = Files.readAllLines(out.resolve("sweep.csv"), StandardCharsets.UTF_8);
    List<String> expected = Files.readAllLines(reference.resolve("sweep.csv"), StandardCharsets.UTF_8);
    assertThat(rows).hasSize(1 + 1 + 2 * 7 * 6).containsExactlyInAnyOrderElementsOf(expected);
    assertNoKeyTwice(reference.resolve("sweep.csv"));
    assertNoKeyTwice(out.resolve("sweep.csv"));
    assertNoLeftovers(out);
  }

  @Test
  void aTrainingKilledAtRandomMomentsAndResumedEndsWithTheWeightsOfAnUninterruptedRunAndASecondWriterIsRefused()
      throws Exception {
    Path reference = tmp.resolve("reference");
    long seconds = uninterruptedWithARefusedSecondWriter(reference, this::train, "training-state.json");
    Path out = tmp.resolve("killed");
    killAndResume(out, this::train, seconds, 17);
    assertThat(Files.readAllBytes(out.resolve("weights.safetensors"))).as("weights.safetensors, byte for byte")
        .isEqualTo(Files.readAllBytes(reference.resolve("weights.safetensors")));
    assertSameArrays(out.resolve("optimizer.safetensors"), reference.resolve("optimizer.safetensors"));
    assertThat(Files.readString(out.resolve("training-state.json"))).contains("\"epochsDone\" : 4");
    assertNoLeftovers(out);
  }

  /**
   * Runs the command into {@code out} to the end in its own JVM; once it has written {@code first},
   * the same command in this JVM is refused with its PID. Returns how many milliseconds the run took.
   */
  private long uninterruptedWithARefusedSecondWriter(Path out, Function<Path, List<String>> command, String first) throws Exception {
    long t0 = System.nanoTime();
    Process p = start(out, command.apply(out));
    awaitFile(out.resolve(first), p);
    CliRun second = CliRun.of(command.apply(out).toArray(new String[0]));
    assertThat(second.code()).as(second.err()).isEqualTo(1);
    assertThat(second.err()).contains(out + " is being written by another convcut run (pid " + p.pid()
        + "); wait for it or choose another --out");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log(out)).isZero();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** Kills the command at seeded random moments within a run's length, then lets it finish. */
  private void killAndResume(Path out, Function<Path, List<String>> command, long millis, long seed) throws Exception {
    Random rnd = new Random(seed);
    int killed = 0;
    for (int k = 0; k < KILLS; k++) {
      Process p = start(out, command.apply(out));
      long at = millis / 5 + (long) (rnd.nextDouble() * millis * 3 / 5);
      if (!p.waitFor(at, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        killed++;
      }
    }
    assertThat(killed).as("runs killed before they finished").isPositive();
    Files.createDirectories(out.getParent().resolve("." + out.getFileName() + ".partial-1234"));
    Process last = start(out, command.apply(out));
    assertThat(last.waitFor(Math.max(120, 3 * millis / 1000), TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).as(log(out)).isZero();
  }

  private static Process start(Path out, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    Path log = logFile(out);
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  private static Path logFile(Path out) {
    return out.resolveSibling(out.getFileName() + ".log");
  }

  private static String log(Path out) throws IOException {
    return Files.readString(logFile(out), StandardCharsets.UTF_8);
  }

  /** Waits until {@code p} has written {@code file}. */
  private static void awaitFile(Path file, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file)) {
      assertThat(p.isAlive()).as("the run ended before it wrote %s: %s", file, log(file.getParent())).isTrue();
      assertThat(System.nanoTime()).as("%s written within a minute", file).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** The same named arrays with the same values (a resumed optimizer may store its buffers in another order). */
  private static void assertSameArrays(Path actual, Path expected) {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> a = WeightFiles.read(actual, m);
      Map<String, NDArray> e = WeightFiles.read(expected, m);
      assertThat(a.keySet()).isEqualTo(e.keySet());
      for (String k : e.keySet()) {
        assertThat(Arrays.equals(a.get(k).toFloatArray(), e.get(k).toFloatArray())).as("%s in %s", k, actual).isTrue();
      }
    }
  }

  private static void assertNoKeyTwice(Path csv) {
    Set<String> keys = new HashSet<>();
    for (CsvTable.Row r : CsvTable.read(csv).rows()) {
      assertThat(keys.add(r.text("layer") + "/" + r.text("cut") + "/" + r.text("level"))).as("line %d", r.line()).isTrue();
    }
  }

  private static void assertNoLeftovers(Path out) throws IOException {
    try (Stream<Path> beside = Files.list(out.getParent()); Stream<Path> inside = Files.list(out)) {
      assertThat(beside.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("." + out.getFileName() + ".partial-") || n.startsWith("." + out.getFileName() + ".old-"));
      assertThat(inside.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
  }
}
