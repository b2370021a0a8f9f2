package dev.convcut.study;

import dev.convcut.InvalidRequestException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.CsvTable;
import dev.convcut.io.OutputLock;
import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.train.Optimizer;
import dev.convcut.train.Trainer;
import dev.convcut.train.TrainingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Experiment 4 of docs/science.md, re-training: from a truncated model, a few epochs of ordinary
 * (dense) training, or projected training that re-truncates after every step; accuracy per epoch
 * on the evaluation set, epoch 0 being the truncated model before any training. Rows go to
 * {@code retrain.csv} durably as epochs finish, one curve per label; the re-trained weights to the
 * checkpoint {@code OUT/LABEL}. A curve already complete is not redone; an unfinished one is
 * discarded and redone from epoch 0 (a configuration changed in between is refused).
 */
public final class Retraining {
  public static final String CSV = "retrain.csv";
  public static final List<String> COLUMNS = List.of("run", "epoch", "train_loss", "top1", "top5", "loss", "baseline_top1", "delta_top1",
      "recovered", "lr", "seconds", "eval_samples");

  private Retraining() {}

  /** What a re-training produced: its rows' accuracies, the first epoch within tolerance (null: never), the checkpoint. */
  public record Outcome(String label, List<Double> top1, double baselineTop1, Integer epochsToRecover, Path checkpoint, boolean reused) {}

  /** What re-training needs to know about where the model came from. */
  public record Source(Architecture architecture, AppliedTruncation truncation, String dataset, String weightsSha256) {}

  /**
   * Re-trains {@code net} (truncated) in place.
   *
   * @param baselineTop1 the untruncated model's top-1 on {@code eval}
   */
  public static Outcome run(Network net, Source source, EvalSet eval, dev.convcut.data.ImageSet train, double baselineTop1,
      RetrainSettings s, Provenance provenance) {
    if (s.projected() && source.truncation() == null) {
      throw new InvalidRequestException(Setting.PROJECTED, " needs the truncation the checkpoint was made with (its "
          + AppliedTruncation.FILE + "), and this checkpoint has none; truncate it with 'convcut truncate' first");
    }
    try (OutputLock lock = OutputLock.acquire(s.out())) {
      AnalysisFolder.check(s.out(), provenance.command(), s.force());
      return locked(net, source, eval, train, baselineTop1, s, provenance);
    }
  }

  private static Outcome locked(Network net, Source source, EvalSet eval, dev.convcut.data.ImageSet train, double baselineTop1,
      RetrainSettings s, Provenance provenance) {
    Path out = s.out();
    Path csv = out.resolve(CSV);
    Path checkpoint = out.resolve(s.label());
    String lock = "retrain-" + s.label();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("label", s.label());
    config.put("projected", s.projected());
    config.put("recipe", s.recipe());
    config.put("tolerance", s.tolerance());
    config.put("baselineTop1", baselineTop1);
    config.put("checkpointSha256", source.weightsSha256());
    config.put("eval", eval.describe());
    if (s.force()) {
      dropRows(csv, s.label());
      AtomicFiles.deleteRecursively(out.resolve(ConfigLock.fileName(lock)));
      AtomicFiles.deleteRecursively(checkpoint);
    }
    ConfigLock.acquire(out, lock, config);
    List<Double> done = existing(csv, s.label());
    if (done.size() == s.recipe().epochs() + 1 && Files.isDirectory(checkpoint)) {
      return outcome(s, done, baselineTop1, checkpoint, true);
    }
    dropRows(csv, s.label());
    AtomicFiles.deleteRecursively(checkpoint);
    List<Double> top1 = new ArrayList<>();
    try (RowLog log = RowLog.open(csv, COLUMNS)) {
      Curve curve = curve(net, source, train, s.recipe(), s.projected(), Scoring.on(eval), s.progress(), null, e -> {
        top1.add(e.score().top1());
        log.append(row(s, e, baselineTop1));
      });
      Outcome o = outcome(s, top1, baselineTop1, checkpoint, false);
      Map<String, String> files = new LinkedHashMap<>();
      if (source.truncation() != null) {
        files.put(AppliedTruncation.FILE, source.truncation().json());
      }
      provenance.configuration(config);
      Checkpoints.save(checkpoint, false, net, source.architecture(), null, files, provenance, results(o, curve.state()));
      provenance.writeTo(out, results(o, curve.state()));
      return o;
    }
  }

  /** One point of a re-training curve: epoch 0 is the truncated model before any step (no loss, rate or time). */
  public record Epoch(int epoch, Double trainLoss, Score score, Double lr, Double seconds) {}

  /** A re-training's curve, epoch 0 first, and the trainer's final state (its per-epoch metrics). */
  public record Curve(List<Epoch> epochs, TrainingState state) {
    public Curve {
      epochs = List.copyOf(epochs);
    }
  }

  /**
   * How the curve is scored: on evaluation images (the trainer scores them after every epoch), or
   * by the caller's own measure of the network, asked once per epoch.
   */
  public record Scoring(EvalSet eval, Function<Network, Score> caller) {
    public Scoring {
      if ((eval == null) == (caller == null)) {
        throw new IllegalArgumentException("a re-training is scored on evaluation images or by the caller's measure, exactly one");
      }
    }

    public static Scoring on(EvalSet eval) {
      return new Scoring(eval, null);
    }

    public static Scoring byCaller(Function<Network, Score> caller) {
      return new Scoring(null, caller);
    }
  }

  /**
   * Re-trains {@code net} (truncated) in place and returns its curve, in memory; {@code each} hears
   * every epoch as it is scored (epoch 0 first). What {@link #run} writes, and what a library
   * caller keeps.
   *
   * @param train the training split (the recipe's {@code trainImages} draws from it)
   * @param projected re-truncate to {@code source}'s truncation ranks after every step
   * @param listener hears every training step instead of a bar (null: the bar as {@code progress} says)
   */
  public static Curve curve(Network net, Source source, dev.convcut.data.ImageSet train, Recipe recipe, boolean projected,
      Scoring scoring, boolean progress, Progress.Listener listener, Consumer<Epoch> each) {
    if (projected && source.truncation() == null) {
      throw new IllegalArgumentException("projected re-training needs the truncation the model was made with (its ranks), and"
          + " there is none");
    }
    EvalSet eval = scoring.eval();
    List<Epoch> epochs = new ArrayList<>();
    Score before = eval != null ? VariantScoring.full(net, eval, Math.max(recipe.batchSize(), 256), null) : scoring.caller().apply(net);
    epochs.add(new Epoch(0, null, before, null, null));
    each.accept(epochs.get(0));
    Optimizer optimizer = Training.config(recipe, net, source.dataset()).newOptimizer();
    if (projected) {
      optimizer = new ProjectedOptimizer(optimizer, net, source.truncation().ranks());
    }
    Trainer trainer = Training.trainer(net, recipe, source.dataset(), Training.trainImages(train, recipe), eval,
        source.architecture().preprocessing(), progress);
    if (listener != null) {
      trainer.reportTo(listener);
    }
    TrainingState state = trainer.run(null, optimizer, (m, st, o) -> {
      Score score = eval != null ? new Score(m.testTop1(), m.testTop5(), m.testLoss(), eval.size()) : scoring.caller().apply(net);
      Epoch e = new Epoch(m.epoch(), m.trainLoss(), score, m.lr(), m.seconds());
      epochs.add(e);
      each.accept(e);
    });
    return new Curve(epochs, state);
  }

  private static List<Object> row(RetrainSettings s, Epoch e, double baselineTop1) {
    double delta = e.score().deltaTop1(baselineTop1);
    return Arrays.asList(s.label(), e.epoch(), e.trainLoss(), e.score().top1(), e.score().top5(), e.score().loss(), baselineTop1, delta,
        delta >= -s.tolerance() - 1e-9, e.lr(), e.seconds(), e.score().images());
  }

  private static Outcome outcome(RetrainSettings s, List<Double> top1, double baselineTop1, Path checkpoint, boolean reused) {
    Integer recover = null;
    for (int e = 0; e < top1.size(); e++) {
      if (100 * (top1.get(e) - baselineTop1) >= -s.tolerance() - 1e-9) {
        recover = e;
        break;
      }
    }
    return new Outcome(s.label(), List.copyOf(top1), baselineTop1, recover, checkpoint, reused);
  }

  private static Map<String, Object> results(Outcome o, TrainingState state) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", o.label());
    m.put("baselineTop1", o.baselineTop1());
    m.put("top1ByEpoch", o.top1());
    m.put("epochsToRecover", o.epochsToRecover());
    m.put("history", state.history());
    return m;
  }

  /** The top-1 of each finished epoch of {@code label}, in order. */
  private static List<Double> existing(Path csv, String label) {
    List<Double> top1 = new ArrayList<>();
    if (Files.exists(csv)) {
      for (CsvTable.Row r : CsvTable.read(csv).rows()) {
        if (r.text("run").equals(label)) {
          if (r.integer("epoch") != top1.size()) {
            throw new dev.convcut.ConvcutException(Words.of(csv + ": run " + label + " has epoch " + r.integer("epoch")
                + " where epoch " + top1.size() + " belongs (a row twice, or two runs wrote into this folder at once?); use another ",
                Words.term(Setting.OUT, "output path"), ", or ", Setting.FORCE, " to redo this curve"));
          }
          top1.add(r.number("top1"));
        }
      }
    }
    return top1;
  }

  /** Rewrites {@code csv} without {@code label}'s rows (a curve is redone whole, never stitched). */
  private static void dropRows(Path csv, String label) {
    if (!Files.exists(csv)) {
      return;
    }
    try {
      RowLog.repair(csv);
      List<String> lines = Files.readAllLines(csv);
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (i == 0 || !lines.get(i).startsWith(Csv.field(label) + ",")) {
          kept.add(lines.get(i));
        }
      }
      if (kept.size() < lines.size()) {
        AtomicFiles.writeString(csv, String.join("\n", kept) + "\n");
      }
    } catch (java.io.IOException e) {
      throw new dev.convcut.ConvcutException("could not rewrite " + csv + ": " + e.getMessage(), e);
    }
  }
}
