package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.io.CsvTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole study end to end on a tiny generated Fashion-MNIST-shaped dataset: the demo's pipeline at toy size. */
public class StudyCommandTest {
  @TempDir static Path shared;
  static Path data;
  static Path config;

  public static final String TINY = """
      {"name": "tiny", "description": "a toy run for the tests", "model": "cnn4", "stem": "cifar", "dataset": "fashion-mnist",
       "train": {"epochs": 2, "batchSize": 32, "optimizer": "adam", "lr": 0.002, "momentum": 0.9, "weightDecay": 0.0,
                 "schedule": "constant", "labelSmoothing": 0.0, "augment": false, "trainImages": 0, "seed": 1},
       "evalSamples": 40, "seed": 5, "batchSize": 64,
       "sweep": {"layers": ["features.2", "features.8"], "cuts": "o|ihw,oi|hw", "levels": "keep0.5,rank1"},
       "global": {"layers": [], "cuts": "o|ihw", "levels": "keep0.5,rank1"},
       "retrain": {"epochs": 1, "batchSize": 32, "optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "weightDecay": 0.0,
                   "schedule": "constant", "labelSmoothing": 0.0, "augment": false, "trainImages": 0, "seed": 2},
       "projected": true, "tolerance": 0.5, "expectedMinutes": "under one"}
      """;

  @BeforeAll
  static void setUp() throws Exception {
    data = TinyStudy.dataset(shared.resolve("fm"), 96, 48);
    config = Files.writeString(shared.resolve("tiny.json"), TINY, StandardCharsets.UTF_8);
  }

  @Test
  void theWholeStudyRunsEndToEndAndEndsWithTheFindingsAndTheReport() throws Exception {
    Path out = shared.resolve("run");
    Path cache = shared.resolve("cache");
    MainTest.Result r = MainTest.run("study", "--config", config.toString(), "--out", out.toString(), "--data-dir", data.toString(),
        "--cache", cache.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Findings from the measured numbers").contains("- Deeper layers tolerate more norm loss: ")
        .contains("- Norm can be lost without accuracy loss: ").contains("- Re-training recovers within a few epochs: ")
        .contains("Time: load").contains("Report: " + out.resolve("report/index.html").toAbsolutePath().normalize());
    for (String f : new String[] {"run.json", "model/weights.safetensors", "spectrum/spectrum.csv", "spectrum/singular_values.json",
        "sweep/sweep.csv", "sweep/sweep.json", "noise/noise.csv", "global/global.csv", "report/index.html"}) {
      assertThat(out.resolve(f)).as(f).exists();
    }
    CsvTable sweep = CsvTable.read(out.resolve("sweep/sweep.csv"));
    assertThat(sweep.rows()).hasSize(1 + 2 * 2 * 2);
    assertThat(sweep.rows().get(0).integer("eval_samples")).isEqualTo(40);
    // The evaluation noise: sweep rows re-scored image by image beside the dense model, at most 6.
    CsvTable noise = CsvTable.read(out.resolve("noise/noise.csv"));
    assertThat(noise.rows()).hasSizeBetween(1, 6).allMatch(x -> x.integer("eval_samples") == 40);
    assertThat(r.out()).contains("Evaluation noise: 40 evaluation images");
    assertThat(Files.readString(out.resolve("run.json"))).contains("\"command\" : \"study\"").contains("secondsPerStep");
    if (r.out().contains("Re-trained: o|ihw")) {
      CsvTable retrain = CsvTable.read(out.resolve("retrain/retrain.csv"));
      assertThat(retrain.rows()).extracting(x -> x.text("run") + x.text("epoch")).containsExactly("dense0", "dense1", "projected0", "projected1");
      // The re-training baseline is the sweep's: the untruncated model on the same images.
      assertThat(retrain.rows().get(0).number("baseline_top1")).isEqualTo(sweep.rows().get(0).number("top1"));
    }

    // The same command again: the cached model, every step already done.
    Files.delete(out.resolve("model/weights.safetensors"));
    MainTest.Result again = MainTest.run("study", "--config", config.toString(), "--out", out.toString(), "--data-dir", data.toString(),
        "--cache", cache.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(CsvTable.read(out.resolve("sweep/sweep.csv")).rows()).hasSize(sweep.rows().size());
    assertThat(again.out()).contains("Report: ");
  }

  @Test
  void aConfigurationWithAnUnknownFieldOrNameIsAUsageError() throws Exception {
    Path bad = Files.writeString(shared.resolve("bad.json"), TINY.replace("\"evalSamples\"", "\"evalSampels\""));
    MainTest.Result r = MainTest.run("study", "--config", bad.toString(), "--out", shared.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("evalSampels");
    MainTest.Result n = MainTest.run("study", "--config", "no-such-study", "--out", shared.resolve("x").toString());
    assertThat(n.code()).isEqualTo(2);
    assertThat(n.err()).contains("built-in configurations: fashion-mnist-cnn4");
  }

  @Test
  void everyBuiltInConfigurationParsesAndTheDemoHasHelp() {
    for (String name : dev.convcut.study.pipeline.StudyConfig.BUILT_IN) {
      assertThat(dev.convcut.study.pipeline.StudyConfig.builtIn(name).name()).isEqualTo(name);
    }
    MainTest.Result h = MainTest.run("demo", "--help");
    assertThat(h.code()).isZero();
    assertThat(h.out()).contains("Fashion-MNIST").contains("--quick").contains("convcut demo");
  }
}
