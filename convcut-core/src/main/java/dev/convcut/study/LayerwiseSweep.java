package dev.convcut.study;

import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.tensor.Kernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Experiment 2 of docs/science.md, the layer-wise sweep: one layer at a time, each cut, each level,
 * truncate only that layer and score the network. Rows go to {@code sweep.csv} as each layer's
 * evaluations finish, each durable at once; a run into a folder that holds an unfinished sweep
 * of the same configuration resumes it (skipping finished rows), one of another configuration is
 * refused. Work that changes nothing is not repeated (see {@link LayerVariants}), and every
 * evaluation reuses the activations before the layer's stage ({@link VariantScoring}). The
 * evaluations run in this JVM, or as tasks of {@link RemoteEvaluations} (a cluster): the rows are
 * planned and written here either way.
 */
public final class LayerwiseSweep {
  public static final String NAME = "sweep";
  private static final Logger LOG = LoggerFactory.getLogger(LayerwiseSweep.class);
  /** Truncated kernels held at once: a layer's variants are scored in chunks below this many floats. */
  private static final long CHUNK_FLOATS = 32L << 20;

  private LayerwiseSweep() {}

  /** A layer's rows still to write and the evaluations they need. */
  private record Plan(String layer, LayerVariants variants, List<LayerVariants.Variant> todo, List<String> needed) {}

  /**
   * Runs (or resumes) the sweep of {@code net} on {@code eval}; writes {@code sweep.csv}, {@code
   * sweep.json}, {@code sweep.config.json} and {@code run.json} into {@code settings.out()}.
   *
   * @param checkpointSha256 identifies the weights, so a resumed run is known to sweep the same model
   * @param provenance the run's record, started by the caller; finished and written here
   */
  public static SweepOutcome run(Network net, EvalSet eval, SweepSettings settings, String dataset, String checkpointSha256,
      Provenance provenance) {
    return run(net, eval, settings, dataset, checkpointSha256, provenance, null);
  }

  /**
   * As {@link #run(Network, EvalSet, SweepSettings, String, String, Provenance)}, with the
   * evaluations of the layers' variants run by {@code remote} (null: in this JVM). The baseline
   * is scored here; the rows are the same either way.
   */
  public static SweepOutcome run(Network net, EvalSet eval, SweepSettings settings, String dataset, String checkpointSha256,
      Provenance provenance, RemoteEvaluations remote) {
    SweepSettings.Configuration config = settings.configuration("layerwise", net.spec().model(), dataset, checkpointSha256, eval);
    try (SweepRun run = SweepRun.start(NAME, SweepRow.COLUMNS, net, eval, settings, config,
        r -> SweepRow.key(r.text("layer"), r.text("cut"), r.text("level")), b -> SweepRow.baseline(b).fields(), provenance)) {
      LOG.info("baseline: top-1 {}", run.baseline.top1());
      if (remote == null) {
        for (String layer : settings.layers()) {
          Plan plan = plan(net, layer, settings, run.done);
          if (!plan.todo().isEmpty()) {
            Map<String, Score> scores = new HashMap<>();
            scoreLocally(net, plan, eval, settings, scores);
            write(net, plan, scores, run);
          }
        }
      } else {
        scoreRemotely(net, settings, run, remote, eval.size());
        run.ranOn(remote);
      }
      return run.finish(settings.out(), provenance);
    }
  }

  private static Plan plan(Network net, String layer, SweepSettings settings, Set<String> done) {
    Kernel kernel = LayerKernels.kernel(net, layer);
    LayerVariants lv = LayerVariants.of(layer, kernel, settings.grid().cuts(), settings.grid().levels());
    List<LayerVariants.Variant> todo = lv.variants().stream()
        .filter(v -> !done.contains(SweepRow.key(layer, v.cut().toString(), v.level().toString()))).toList();
    List<String> needed = todo.stream().filter(v -> !v.fullRank()).map(LayerVariants.Variant::evaluation).distinct().toList();
    return new Plan(layer, lv, todo, needed);
  }

  private static void scoreLocally(Network net, Plan plan, EvalSet eval, SweepSettings settings, Map<String, Score> scores) {
    try (Progress bar = SweepRun.progress(settings, plan.layer() + " (" + plan.needed().size() + " evaluations for "
        + plan.todo().size() + " rows)", (long) plan.needed().size() * eval.size())) {
      List<Score> s = score(net, plan.variants(), plan.needed(), eval, settings.batchSize(), bar);
      for (int i = 0; i < s.size(); i++) {
        scores.put(plan.needed().get(i), s.get(i));
      }
    }
  }

  /**
   * Scores {@code evaluations} of a layer's variants by prefix reuse, in chunks of truncated
   * kernels below {@link #CHUNK_FLOATS}: what the in-process sweep and every remote task run.
   */
  static List<Score> score(Network net, LayerVariants lv, List<String> evaluations, EvalSet eval, int batchSize, Progress bar) {
    List<Score> scores = new ArrayList<>();
    for (List<String> chunk : chunks(evaluations, lv.kernel().size())) {
      List<float[]> weights = new ArrayList<>();
      for (String key : chunk) {
        weights.add(lv.truncated(key).toFloatArray());
      }
      scores.addAll(VariantScoring.variants(net, lv.layer(), weights, eval, batchSize, bar));
    }
    return scores;
  }

  /** Plans every layer, hands the evaluations to {@code remote} and writes a layer's rows when its last task returns. */
  private static void scoreRemotely(Network net, SweepSettings settings, SweepRun run, RemoteEvaluations remote, int images) {
    List<Plan> plans = new ArrayList<>();
    int total = 0;
    for (String layer : settings.layers()) {
      Plan plan = plan(net, layer, settings, run.done);
      if (plan.todo().isEmpty()) {
        continue;
      }
      if (plan.needed().isEmpty()) {
        write(net, plan, Map.of(), run);
      } else {
        plans.add(plan);
        total += plan.needed().size();
      }
    }
    int perTask = Math.max(1, -Math.floorDiv(-total, 2 * Math.max(1, remote.parallelism())));
    List<LayerTask> tasks = new ArrayList<>();
    Map<String, Plan> byLayer = new HashMap<>();
    Map<String, Integer> pending = new HashMap<>();
    Map<String, Map<String, Score>> scores = new HashMap<>();
    for (Plan plan : plans) {
      List<List<String>> pieces = split(plan.needed(), Math.min(perTask, perChunk(plan.variants().kernel().size())));
      pieces.forEach(p -> tasks.add(new LayerTask(plan.layer(), p)));
      byLayer.put(plan.layer(), plan);
      pending.put(plan.layer(), pieces.size());
      scores.put(plan.layer(), new HashMap<>());
    }
    LOG.info("{} evaluations of {} layers in {} tasks on {}", total, plans.size(), tasks.size(), remote.describe());
    try (Progress bar = SweepRun.progress(settings, total + " evaluations on " + remote.describe(), (long) total * images)) {
      remote.scoreLayers(tasks, (task, s) -> {
        Map<String, Score> layerScores = scores.get(task.layer());
        for (int i = 0; i < s.size(); i++) {
          layerScores.put(task.evaluations().get(i), s.get(i));
        }
        bar.step((long) s.size() * images, task.layer());
        if (pending.merge(task.layer(), -1, Integer::sum) == 0) {
          write(net, byLayer.get(task.layer()), layerScores, run);
        }
      });
    }
  }

  private static void write(Network net, Plan plan, Map<String, Score> scores, SweepRun run) {
    String layer = plan.layer();
    Kernel kernel = plan.variants().kernel();
    int depth = LayerKernels.depth(net, layer);
    for (LayerVariants.Variant v : plan.todo()) {
      run.log.append(SweepRow.of(layer, depth, kernel, v, scores.get(v.evaluation()), run.baseline).fields());
      run.done.add(SweepRow.key(layer, v.cut().toString(), v.level().toString()));
    }
    run.evaluated(plan.needed().size());
    LOG.info("{}: {} rows, {} evaluations, {} SVDs", layer, plan.todo().size(), plan.needed().size(), plan.variants().decompositions());
  }

  private static int perChunk(int floatsEach) {
    return (int) Math.max(1, CHUNK_FLOATS / Math.max(1, floatsEach));
  }

  static List<List<String>> chunks(List<String> keys, int floatsEach) {
    return split(keys, perChunk(floatsEach));
  }

  private static List<List<String>> split(List<String> keys, int per) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += per) {
      out.add(keys.subList(i, Math.min(keys.size(), i + per)));
    }
    return out;
  }
}
