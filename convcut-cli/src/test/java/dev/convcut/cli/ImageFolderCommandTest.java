package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dataset imagefolder} end to end: data info, train with random resized crops from the
 * files, eval and sweep with the checkpoint's recorded preprocessing, the cache, and the refusals.
 */
class ImageFolderCommandTest {
  @TempDir static Path tmp;
  static Path folder;

  /** train/ and val/ of two classes a small CNN tells apart: dark and bright noisy RGB PNGs of odd sizes. */
  @BeforeAll
  static void writeFolder() throws Exception {
    folder = tmp.resolve("images");
    SplittableRandom random = new SplittableRandom(11);
    for (String split : new String[] {"train", "val"}) {
      int count = split.equals("train") ? 48 : 16;
      for (String cls : new String[] {"bright", "dark"}) {
        for (int i = 0; i < count; i++) {
          int w = 30 + random.nextInt(20);
          int h = 30 + random.nextInt(20);
          BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
          for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
              int v = Math.max(0, Math.min(255, (cls.equals("bright") ? 170 : 70) + random.nextInt(81) - 40));
              image.setRGB(x, y, v << 16 | (255 - v) << 8 | v / 2);
            }
          }
          Path file = folder.resolve(split).resolve(cls).resolve(i + ".png");
          Files.createDirectories(file.getParent());
          ImageIO.write(image, "png", file.toFile());
        }
      }
    }
  }

  @Test
  void dataInfoShowsTheClassesCountsSizesAndStatistics() {
    try (IsolatedData iso = new IsolatedData(tmp.resolve("home-info"), null, null)) {
      CliRun r = CliRun.of("data", "info", "--dataset", "imagefolder", "--data-dir", folder.toString(), "--resize", "32", "--crop", "28");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("layout         train/ and val/").contains("Resize(32) CenterCrop(28) RGB")
          .contains("bright").contains("dark").contains("3x28x28").containsPattern("train\\s+96").containsPattern("test\\s+32")
          .contains("0.4850 0.4560 0.4060");
      assertThat(r.out()).containsPattern("train\\s+96\\s+30 x 3\\d");
    }
  }

  @Test
  void trainEvalAndSweepUseTheFolderWithTheCheckpointsPreprocessing() throws Exception {
    try (IsolatedData iso = new IsolatedData(tmp.resolve("home-train"), null, null)) {
      Path ck = tmp.resolve("ck");
      CliRun train = CliRun.of("train", "--model", "cnn4", "--dataset", "imagefolder", "--data-dir", folder.toString(), "--resize", "32",
          "--crop", "28", "--epochs", "3", "--batch-size", "16", "--optimizer", "adam", "--lr", "0.003", "--threads", "2", "--seed", "1",
          "--out", ck.toString());
      assertThat(train.code()).as(train.err()).isZero();
      String arch = Files.readString(ck.resolve("architecture.json"));
      assertThat(arch).contains("\"imagefolder\"").contains("\"resize\" : 32").contains("\"bright\"").contains("\"size\" : 28");
      assertThat(Files.readString(ck.resolve("training-state.json"))).contains("\"resizedCrop\" : true");

      CliRun eval = CliRun.of("eval", "--checkpoint", ck.toString(), "--data-dir", folder.toString(), "--json");
      assertThat(eval.code()).as(eval.err()).isZero();
      double top1 = dev.convcut.io.Json.mapper().readTree(eval.out()).get("top1").asDouble();
      assertThat(top1).as("dark against bright after 3 epochs").isGreaterThanOrEqualTo(0.9);
      assertThat(tmp.resolve("home-train/.convcut/cache/imagefolder")).isNotEmptyDirectory();

      // Out as ONNX and back in with the folder: the network's input size sets the crop, the default resize is 32 for 28.
      Path onnx = tmp.resolve("ck.onnx");
      assertThat(CliRun.of("export", "--checkpoint", ck.toString(), "--format", "onnx", "--out", onnx.toString()).code()).isZero();
      Path imported = tmp.resolve("ck-imported");
      CliRun imp = CliRun.of("import", "--onnx", onnx.toString(), "--dataset", "imagefolder", "--data-dir", folder.toString(), "--out",
          imported.toString());
      assertThat(imp.code()).as(imp.err()).isZero();
      assertThat(Files.readString(imported.resolve("architecture.json"))).contains("\"resize\" : 32").contains("\"bright\"");
      CliRun evalImported = CliRun.of("eval", "--checkpoint", imported.toString(), "--data-dir", folder.toString(), "--json");
      assertThat(evalImported.code()).as(evalImported.err()).isZero();
      assertThat(dev.convcut.io.Json.mapper().readTree(evalImported.out()).get("top1").asDouble()).isEqualTo(top1);

      Path sweep = tmp.resolve("sweep");
      CliRun s = CliRun.of("sweep", "--checkpoint", ck.toString(), "--data-dir", folder.toString(), "--layers", "features.0",
          "--cuts", "o|ihw", "--levels", "keep0.5", "--eval-samples", "16", "--out", sweep.toString());
      assertThat(s.code()).as(s.err()).isZero();
      assertThat(Files.readString(sweep.resolve("sweep.csv"))).contains("features.0");

      Path small = tmp.resolve("small");
      CliRun compress = CliRun.of("compress", "--checkpoint", ck.toString(), "--data-dir", folder.toString(), "--layers", "features.6",
          "--method", "tucker2", "--keep", "0.5", "--finetune-epochs", "1", "--batch", "16", "--latency-repeats", "1",
          "--out", small.toString());
      assertThat(compress.code()).as(compress.err()).isZero();
      assertThat(Files.readString(small.resolve("architecture.json"))).contains("\"resize\" : 32").contains("\"imagefolder\"");

      Path truncated = tmp.resolve("truncated");
      CliRun t = CliRun.of("truncate", "--checkpoint", ck.toString(), "--data-dir", folder.toString(), "--spec", "features.*:o|ihw=keep0.5",
          "--evaluate", "--out", truncated.toString());
      assertThat(t.code()).as(t.err()).isZero();
      Path retrain = tmp.resolve("retrain");
      CliRun re = CliRun.of("retrain", "--checkpoint", truncated.toString(), "--train-batch", "16", "--data-dir", folder.toString(), "--epochs", "1",
          "--out", retrain.toString());
      assertThat(re.code()).as(re.err()).isZero();
    }
  }

  @Test
  void aCheckpointWhoseClassesSortOtherwiseIsRefusedAndABadImageIsNamed() throws Exception {
    try (IsolatedData iso = new IsolatedData(tmp.resolve("home-order"), null, null)) {
      Path ck = tmp.resolve("ck-order");
      CliRun train = CliRun.of("train", "--model", "cnn4", "--dataset", "imagefolder", "--data-dir", folder.toString(), "--resize", "32",
          "--crop", "28", "--epochs", "1", "--batch-size", "16", "--limit", "32", "--threads", "2", "--out", ck.toString());
      assertThat(train.code()).as(train.err()).isZero();
      Path renamed = tmp.resolve("renamed");
      for (String split : new String[] {"train", "val"}) {
        copyTree(folder.resolve(split).resolve("bright"), renamed.resolve(split).resolve("z-bright"));
        copyTree(folder.resolve(split).resolve("dark"), renamed.resolve(split).resolve("a-dark"));
      }
      CliRun eval = CliRun.of("eval", "--checkpoint", ck.toString(), "--data-dir", renamed.toString());
      assertThat(eval.code()).isEqualTo(1);
      assertThat(eval.err()).contains("[a-dark, z-bright]").contains("[bright, dark]");

      Files.writeString(renamed.resolve("val/a-dark/broken.png"), "not a png");
      CliRun bad = CliRun.of("data", "info", "--dataset", "imagefolder", "--data-dir", renamed.toString(), "--crop", "28");
      assertThat(bad.code()).isEqualTo(1);
      assertThat(bad.err()).contains("broken.png").contains("not an image");
      CliRun skipped = CliRun.of("data", "info", "--dataset", "imagefolder", "--data-dir", renamed.toString(), "--crop", "28",
          "--skip-bad");
      assertThat(skipped.code()).as(skipped.err()).isZero();
      assertThat(skipped.out()).contains("1 unreadable test image(s) left out").contains("broken.png");
    }
  }

  @Test
  void theWholeStudyRunsOnAFolderAndItsModelCacheKnowsTheFolder() throws Exception {
    String config = """
        {"name": "folder", "description": "a toy study on an image folder", "model": "cnn4", "stem": "cifar", "dataset": "imagefolder",
         "train": {"epochs": 2, "batchSize": 16, "optimizer": "adam", "lr": 0.003, "momentum": 0.9, "weightDecay": 0.0,
                   "schedule": "constant", "labelSmoothing": 0.0, "augment": true, "trainImages": 0, "seed": 1},
         "evalSamples": 0, "seed": 5, "batchSize": 32,
         "sweep": {"layers": ["features.0", "features.8"], "cuts": "o|ihw", "levels": "keep0.5,rank1"},
         "global": {"layers": [], "cuts": "o|ihw", "levels": "keep0.5,rank1"},
         "retrain": {"epochs": 1, "batchSize": 16, "optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "weightDecay": 0.0,
                     "schedule": "constant", "labelSmoothing": 0.0, "augment": true, "trainImages": 0, "seed": 2},
         "projected": false, "tolerance": 0.5, "expectedMinutes": "under one"}
        """;
    Path json = Files.writeString(tmp.resolve("folder-study.json"), config);
    try (IsolatedData iso = new IsolatedData(tmp.resolve("home-study"), null, null)) {
      Path out = tmp.resolve("study");
      CliRun r = CliRun.of("study", "--config", json.toString(), "--out", out.toString(), "--data-dir", folder.toString(), "--crop",
          "28", "--resize", "32", "--cache", tmp.resolve("study-cache").toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("Findings from the measured numbers");
      assertThat(out.resolve("sweep/sweep.csv")).exists();
      assertThat(Files.readString(out.resolve("model/architecture.json"))).contains("\"resize\" : 32");
      assertThat(Files.readString(out.resolve("run.json"))).contains("data/imagefolder/listing");
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  @Test
  void theFolderIsRequiredAndAMissingOneIsNamed() {
    try (IsolatedData iso = new IsolatedData(tmp.resolve("home-bad"), null, null)) {
      CliRun none = CliRun.of("data", "info", "--dataset", "imagefolder");
      assertThat(none.code()).isEqualTo(1);
      assertThat(none.err()).contains("imagefolder dataset reads the folder it is given");
      CliRun missing = CliRun.of("data", "info", "--dataset", "imagefolder", "--data-dir", tmp.resolve("nowhere").toString());
      assertThat(missing.code()).isEqualTo(1);
      assertThat(missing.err()).contains("nowhere: no such folder");
      CliRun fetch = CliRun.of("data", "fetch", "--dataset", "imagefolder");
      assertThat(fetch.code()).isEqualTo(2);
      assertThat(fetch.err()).contains("nothing to download");
    }
  }
}
