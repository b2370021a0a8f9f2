package dev.convcut.study.pipeline;

import ai.djl.ndarray.NDManager;
import dev.convcut.ConvcutException;
import dev.convcut.Seeds;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.interop.onnx.OnnxCheckpoint;
import dev.convcut.data.ImageSet;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Hashing;
import dev.convcut.io.Json;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.EvalSet;
import dev.convcut.study.Training;
import dev.convcut.train.EpochMetrics;
import dev.convcut.train.Optimizer;
import dev.convcut.train.TrainingState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The study's first step: the trained model, from the cache when a model of the same
 * configuration was trained on the same data before ({@code CACHE/models/KEY}, KEY the SHA-256 of
 * the model, dataset, data files and recipe), else trained now and stored there. The checkpoint
 * is then copied into the run's {@code model/} folder. Training writes its state after every
 * epoch to {@code CACHE/models/KEY.training}, so an interrupted study resumes training at the last
 * finished epoch (with the weights an uninterrupted run would have); the folder is removed once
 * the model is stored.
 */
final class TrainedModel {
  private TrainedModel() {}

  /** The checkpoint in {@code out/model}, and whether it came from the cache. */
  record Result(Path checkpoint, boolean cached, String key, double seconds) {}

  static Result obtain(StudyConfig c, Architecture arch, ImageSet train, EvalSet eval, Map<String, String> dataDigests, Path cache, Path out,
      boolean progress, PrintStream log, List<String> arguments) {
    long t0 = System.nanoTime();
    String key = key(c, arch, dataDigests);
    Path cached = cache.resolve("models").resolve(key);
    Path target = out.resolve("model");
    boolean hit = Files.isRegularFile(cached.resolve(Checkpoints.WEIGHTS));
    if (Files.isRegularFile(target.resolve(Checkpoints.WEIGHTS)) && key.equals(readKey(target))) {
      return new Result(target, true, key, 0);
    }
    if (!hit) {
      log.printf(Locale.ROOT, "  training %s on %d %s images for %d epochs (cached afterwards in %s)%n", c.model(), Math.min(train.size(),
          c.train().trainImages() == 0 ? train.size() : c.train().trainImages()), c.dataset(), c.train().epochs(), cached);
      train(c, arch, train, eval, cached, progress, log, arguments);
    } else {
      log.println("  reusing the model trained earlier with this configuration: " + cached);
    }
    AtomicFiles.writeDirectory(target, true, tmp -> copy(cached, tmp));
    return new Result(target, hit, key, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * The network of the configuration's ONNX file, imported into {@code out/model} with {@code
   * arch}'s preprocessing (kept when the file and the architecture are the same as last time).
   */
  static Result imported(StudyConfig c, Architecture arch, Path out, PrintStream log, List<String> arguments) {
    long t0 = System.nanoTime();
    Path file = Path.of(c.onnx());
    String key = Hashing.sha256((Hashing.sha256(file) + "\n" + Json.write(arch)).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    Path target = out.resolve("model");
    if (Files.isRegularFile(target.resolve(Checkpoints.WEIGHTS)) && key.equals(readKey(target))) {
      return new Result(target, true, key, 0);
    }
    log.println("  importing " + file);
    Provenance prov = Provenance.start("study import", arguments).configuration(c).input("onnx", file);
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = OnnxCheckpoint.load(file, manager)) {
      Checkpoints.save(target, true, ck.network(), arch, null, Map.of("cache-key.txt", key + "\n"), prov,
          Map.of("layers", ck.network().layerNames().size(), "stages", ck.network().stages().size()));
    }
    return new Result(target, false, key, (System.nanoTime() - t0) / 1e9);
  }

  private static void train(StudyConfig c, Architecture arch, ImageSet train, EvalSet eval, Path cached, boolean progress,
      PrintStream log, List<String> arguments) {
    Provenance prov = Provenance.start("study train", arguments).configuration(c).seed(c.train().seed());
    Path partial = partial(cached);
    try (NDManager manager = NDManager.newBaseManager()) {
      Checkpoint resumed = Files.isRegularFile(partial.resolve(Checkpoints.TRAINING_STATE)) ? Checkpoints.load(partial, manager) : null;
      Network net = resumed != null ? resumed.network() : ModelZoo.build(arch.spec(), manager, new Seeds(c.train().seed()).forPurpose("init"));
      try {
        Optimizer optimizer = Training.config(c.train(), net, c.dataset()).newOptimizer();
        TrainingState start = null;
        if (resumed != null) {
          start = Json.mapper().convertValue(resumed.trainingState(), TrainingState.class);
          optimizer.loadState(resumed.optimizerState(), start.optimizerSteps());
          log.printf(Locale.ROOT, "  resuming the training after epoch %d/%d from %s%n", start.epochsDone(), c.train().epochs(), partial);
        }
        TrainingState end = Training.train(net, c.train(), c.dataset(), Training.trainImages(train, c.train()), eval, arch.preprocessing(),
            optimizer, start, (m, s, o) -> {
              log.printf(Locale.ROOT, "  epoch %d/%d: train loss %.4f, top-1 %.2f%% on %d test images, %.0f s%n", m.epoch(),
                  c.train().epochs(), m.trainLoss(), 100 * m.testTop1(), eval.size(), m.seconds());
              Checkpoints.save(partial, true, net, arch, new Checkpoints.Resume(s, o.state()),
                  Map.of("metrics.csv", metrics(s.history())), prov, m);
            }, progress);
        List<EpochMetrics> history = end.history();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("history", history);
        results.put("key", cached.getFileName().toString());
        Checkpoints.save(cached, true, net, arch, null, Map.of("metrics.csv", metrics(history), "cache-key.txt", cached.getFileName() + "\n"),
            prov, results);
        AtomicFiles.deleteRecursively(partial);
      } finally {
        net.close();
      }
    }
  }

  /** Where training keeps its state between epochs until the model is stored at {@code cached}. */
  static Path partial(Path cached) {
    return cached.resolveSibling(cached.getFileName() + ".training");
  }

  private static String metrics(List<EpochMetrics> history) {
    StringBuilder b = new StringBuilder("epoch,train_loss,train_top1,test_top1,test_top5,test_loss,seconds\n");
    for (EpochMetrics m : history) {
      b.append(m.epoch()).append(',').append(m.trainLoss()).append(',').append(m.trainTop1()).append(',').append(m.testTop1()).append(',')
          .append(m.testTop5()).append(',').append(m.testLoss()).append(',').append(m.seconds()).append('\n');
    }
    return b.toString();
  }

  static String key(StudyConfig c, Architecture arch, Map<String, String> dataDigests) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("architecture", arch);
    k.put("recipe", c.train());
    List<String> data = new ArrayList<>();
    dataDigests.forEach((file, sha) -> data.add(file + ":" + sha));
    k.put("data", data);
    return Hashing.sha256(Json.write(k).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  private static String readKey(Path checkpoint) {
    String text = Checkpoints.readText(checkpoint, "cache-key.txt");
    return text == null ? null : text.trim();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new ConvcutException("could not copy the model from " + from + ": " + e.getMessage(), e);
    }
  }
}
