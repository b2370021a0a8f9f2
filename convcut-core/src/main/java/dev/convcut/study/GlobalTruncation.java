package dev.convcut.study;

import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.CutSvds;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.decompose.CutFactors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Experiment 3 of docs/science.md, global ("aggressive") truncation: every selected layer truncated
 * at once along one cut to a common level, the network scored with a full forward pass, one row
 * of {@code global.csv} per (cut, level). A layer for which the cut is trivial (or not one of its
 * cuts) is left as it is and not counted. Levels that give every layer the same ranks share one
 * evaluation; rows are durable and a run resumes exactly as {@link LayerwiseSweep} does.
 */
public final class GlobalTruncation {
  public static final String NAME = "global";

  private GlobalTruncation() {}

  /** One layer's part in a global truncation: the rank it keeps along the cut and its metrics. */
  private record Part(String layer, Cut cut, int rank, CutSpectrum spectrum, long dense, long factorized) {
    boolean truncated() {
      return rank < spectrum.fullRank();
    }
  }

  /** A row still to write: its cut and level, the layers' parts and the evaluation it takes its score from. */
  private record Pending(Cut cut, Level level, List<Part> parts, String key) {}

  /** Runs (or resumes) the global truncation; writes {@code global.csv}, {@code global.json}, the lock and {@code run.json}. */
  public static SweepOutcome run(Network net, EvalSet eval, SweepSettings settings, String dataset, String checkpointSha256,
      Provenance provenance) {
    return run(net, eval, settings, dataset, checkpointSha256, provenance, null);
  }

  /**
   * As {@link #run(Network, EvalSet, SweepSettings, String, String, Provenance)}, with the
   * evaluations run by {@code remote} (null: in this JVM); rows sharing an evaluation are written
   * when it returns.
   */
  public static SweepOutcome run(Network net, EvalSet eval, SweepSettings settings, String dataset, String checkpointSha256,
      Provenance provenance, RemoteEvaluations remote) {
    SweepSettings.Configuration config = settings.configuration("global", net.spec().model(), dataset, checkpointSha256, eval);
    Map<String, CutSvds> svds = svds(net, settings.layers());
    Map<String, Score> byEvaluation = new HashMap<>();
    try (SweepRun run = SweepRun.start(NAME, GlobalRow.COLUMNS, net, eval, settings, config, r -> {
      byEvaluation.putIfAbsent(r.text("evaluation"), SweepRun.score(r));
      return GlobalRow.key(r.text("cut"), r.text("level"));
    }, b -> GlobalRow.baseline(b).fields(), provenance)) {
      byEvaluation.put(SweepRow.BASELINE, run.baseline);
      List<Pending> rows = pending(svds, settings.grid(), run.done);
      if (remote == null) {
        scoreLocally(net, svds, rows, byEvaluation, run.baseline, (label, done, total) -> {
          try (Progress bar = SweepRun.progress(settings, label, eval.size())) {
            Score s = VariantScoring.full(net, eval, settings.batchSize(), bar);
            run.evaluated(1);
            return s;
          }
        }, r -> run.log.append(r.fields()));
      } else {
        scoreRemotely(rows, byEvaluation, run, remote, settings, eval.size());
        run.ranOn(remote);
      }
      return run.finish(settings.out(), provenance);
    }
  }

  /**
   * Scores the network as it stands, with one row's truncations in place: {@code label} names the
   * row ({@code o|ihw keep0.5}), {@code done} evaluations of {@code total} came before this one.
   */
  @FunctionalInterface
  public interface Scorer {
    Score score(String label, int done, int total);
  }

  /**
   * The global truncation in memory: every (cut, level) of {@code grid} over {@code layers}, in the
   * order and with the columns of {@code global.csv} (without its baseline row), each evaluation
   * shared by the rows it serves as the written run shares it. {@code scorer} is asked once per
   * distinct evaluation with its truncations in place; the weights are restored after each, also
   * when it throws.
   *
   * @param baseline the untruncated network's score, for the deltas and the rows that truncate nothing
   */
  public static List<GlobalRow> rows(Network net, List<String> layers, Grid grid, Score baseline, Scorer scorer) {
    Map<String, CutSvds> svds = svds(net, layers);
    Map<String, Score> byEvaluation = new HashMap<>();
    byEvaluation.put(SweepRow.BASELINE, baseline);
    List<GlobalRow> out = new ArrayList<>();
    scoreLocally(net, svds, pending(svds, grid, Set.of()), byEvaluation, baseline, scorer, out::add);
    return out;
  }

  private static Map<String, CutSvds> svds(Network net, List<String> layers) {
    Map<String, CutSvds> svds = new LinkedHashMap<>();
    for (String layer : layers) {
      svds.put(layer, CutSvds.of(LayerKernels.kernel(net, layer)));
    }
    return svds;
  }

  /** The rows of {@code grid} not yet {@code done}, each with its layers' parts; rows no layer takes part in are left out. */
  private static List<Pending> pending(Map<String, CutSvds> svds, Grid grid, Set<String> done) {
    List<Pending> rows = new ArrayList<>();
    for (Cut cut : grid.cuts()) {
      for (Level level : grid.levels()) {
        List<Part> parts = done.contains(GlobalRow.key(cut.toString(), level.toString())) ? List.of() : parts(svds, cut, level);
        if (!parts.isEmpty()) {
          rows.add(new Pending(cut, level, parts, evaluationKey(cut, parts)));
        }
      }
    }
    return rows;
  }

  /** Scores each row's evaluation the first time it is needed and hands every row, in order, to {@code sink}. */
  private static void scoreLocally(Network net, Map<String, CutSvds> svds, List<Pending> rows, Map<String, Score> byEvaluation,
      Score baseline, Scorer scorer, Consumer<GlobalRow> sink) {
    int total = (int) rows.stream().map(Pending::key).filter(k -> !byEvaluation.containsKey(k)).distinct().count();
    int done = 0;
    for (Pending p : rows) {
      Score score = byEvaluation.get(p.key());
      if (score == null) {
        int before = done++;
        score = withTruncation(net, svds, task(p), () -> scorer.score(p.cut() + " " + p.level(), before, total));
        byEvaluation.put(p.key(), score);
      }
      sink.accept(row(p.cut(), p.level(), p.parts(), score, baseline, p.key()));
    }
  }

  /** Writes the rows whose evaluation is known, then has {@code remote} score the others and writes each as its score returns. */
  private static void scoreRemotely(List<Pending> rows, Map<String, Score> byEvaluation, SweepRun run, RemoteEvaluations remote,
      SweepSettings settings, int images) {
    Map<String, List<Pending>> waiting = new LinkedHashMap<>();
    Map<String, GlobalTask> tasks = new LinkedHashMap<>();
    for (Pending p : rows) {
      Score known = byEvaluation.get(p.key());
      if (known != null) {
        run.log.append(row(p.cut(), p.level(), p.parts(), known, run.baseline, p.key()).fields());
      } else {
        waiting.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
        tasks.computeIfAbsent(p.key(), k -> task(p));
      }
    }
    try (Progress bar = SweepRun.progress(settings, tasks.size() + " evaluations on " + remote.describe(), (long) tasks.size() * images)) {
      remote.scoreGlobal(List.copyOf(tasks.values()), (task, scores) -> {
        List<Pending> ps = waiting.remove(task.evaluation());
        if (ps == null) {
          return;
        }
        run.evaluated(1);
        for (Pending p : ps) {
          run.log.append(row(p.cut(), p.level(), p.parts(), scores.get(0), run.baseline, p.key()).fields());
        }
        bar.step(images, task.evaluation());
      });
    }
  }

  private static GlobalTask task(Pending p) {
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (Part part : p.parts()) {
      if (part.truncated()) {
        ranks.put(part.layer(), part.rank());
      }
    }
    return new GlobalTask(p.key(), p.cut().toString(), ranks);
  }

  private static List<Part> parts(Map<String, CutSvds> svds, Cut cut, Level level) {
    List<Part> parts = new ArrayList<>();
    for (Map.Entry<String, CutSvds> e : svds.entrySet()) {
      Kernel k = e.getValue().kernel();
      if (cut.order() != k.order() || cut.isTrivial(k)) {
        continue;
      }
      CutSpectrum s = e.getValue().svd(cut).spectrum();
      int rank = LayerVariants.rankFor(level, s);
      parts.add(new Part(e.getKey(), cut, rank, s, k.size(), CutFactors.parameters(cut, k.shape(), rank)));
    }
    return parts;
  }

  /** Rows whose layers keep the same ranks along the same matricizations share an evaluation. */
  private static String evaluationKey(Cut cut, List<Part> parts) {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      if (p.truncated()) {
        b.append(b.length() == 0 ? "" : " ").append(p.layer()).append('@').append(p.rank());
      }
    }
    return b.length() == 0 ? SweepRow.BASELINE : cut + ": " + b;
  }

  /**
   * Scores {@code task} on {@code net}: every layer it names truncated along its cut at once
   * (the weights restored afterwards), one full forward pass per batch. What the in-process run
   * and every remote task run.
   */
  static Score score(Network net, Map<String, CutSvds> svds, GlobalTask task, EvalSet eval, int batchSize, Progress bar) {
    return withTruncation(net, svds, task, () -> VariantScoring.full(net, eval, batchSize, bar));
  }

  /** What {@code scoring} gives with every layer {@code task} names truncated along its cut; the weights are restored after. */
  private static Score withTruncation(Network net, Map<String, CutSvds> svds, GlobalTask task, Supplier<Score> scoring) {
    Cut cut = Cut.parse(task.cut());
    Map<String, float[]> originals = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Integer> e : task.ranks().entrySet()) {
        originals.put(e.getKey(), net.weight(e.getKey()));
        LayerKernels.write(net, e.getKey(), svds.get(e.getKey()).svd(cut).truncate(e.getValue()).kernel());
      }
      return scoring.get();
    } finally {
      originals.forEach(net::setWeight);
    }
  }

  private static GlobalRow row(Cut cut, Level level, List<Part> parts, Score score, Score baseline, String key) {
    double sum = 0;
    double max = 0;
    long dense = 0;
    long factorized = 0;
    for (Part p : parts) {
      double eta = p.spectrum().normLoss(p.rank());
      sum += eta;
      max = Math.max(max, eta);
      dense += p.dense();
      factorized += p.factorized();
    }
    return new GlobalRow(cut.toString(), level.toString(), parts.size(), sum / parts.size(), max, score, baseline.top1(), dense,
        factorized, key);
  }
}
