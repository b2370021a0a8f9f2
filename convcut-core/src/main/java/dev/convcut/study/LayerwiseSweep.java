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
 * evaluation reuses the activations before the layer's stage ({@link VariantScoring}).
 */
public final class LayerwiseSweep {
  public static final String NAME = "sweep";
  private static final Logger LOG = LoggerFactory.getLogger(LayerwiseSweep.class);
  /** Truncated kernels held at once: a layer's variants are scored in chunks below this many floats. */
  private static final long CHUNK_FLOATS = 32L << 20;

  private LayerwiseSweep() {}

  /**
   * Runs (or resumes) the sweep of {@code net} on {@code eval}; writes {@code sweep.csv}, {@code
   * sweep.json}, {@code sweep.config.json} and {@code run.json} into {@code settings.out()}.
   *
   * @param checkpointSha256 identifies the weights, so a resumed run is known to sweep the same model
   * @param provenance the run's record, started by the caller; finished and written here
   */
  public static SweepOutcome run(Network net, EvalSet eval, SweepSettings settings, String dataset, String checkpointSha256,
      Provenance provenance) {
    SweepSettings.Configuration config = settings.configuration("layerwise", net.spec().model(), dataset, checkpointSha256, eval);
    try (SweepRun run = SweepRun.start(NAME, SweepRow.COLUMNS, net, eval, settings, config,
        r -> SweepRow.key(r.text("layer"), r.text("cut"), r.text("level")), b -> SweepRow.baseline(b).fields(), provenance)) {
      LOG.info("baseline: top-1 {}", run.baseline.top1());
      for (String layer : settings.layers()) {
        run.evaluated(sweepLayer(net, layer, eval, settings, run.baseline, run.done, run.log));
      }
      return run.finish(settings.out(), provenance);
    }
  }

  private static int sweepLayer(Network net, String layer, EvalSet eval, SweepSettings settings, Score baseline, Set<String> done,
      RowLog log) {
    Kernel kernel = LayerKernels.kernel(net, layer);
    LayerVariants lv = LayerVariants.of(layer, kernel, settings.grid().cuts(), settings.grid().levels());
    List<LayerVariants.Variant> todo = lv.variants().stream()
        .filter(v -> !done.contains(SweepRow.key(layer, v.cut().toString(), v.level().toString()))).toList();
    if (todo.isEmpty()) {
      return 0;
    }
    List<String> needed = todo.stream().filter(v -> !v.fullRank()).map(LayerVariants.Variant::evaluation).distinct().toList();
    Map<String, Score> scores = new HashMap<>();
    try (Progress bar = SweepRun.progress(settings, layer + " (" + needed.size() + " evaluations for " + todo.size() + " rows)",
        (long) needed.size() * eval.size())) {
      for (List<String> chunk : chunks(needed, kernel.size())) {
        List<float[]> weights = new ArrayList<>();
        for (String key : chunk) {
          weights.add(lv.truncated(key).toFloatArray());
        }
        List<Score> s = VariantScoring.variants(net, layer, weights, eval, settings.batchSize(), bar);
        for (int i = 0; i < chunk.size(); i++) {
          scores.put(chunk.get(i), s.get(i));
        }
      }
    }
    int depth = LayerKernels.depth(net, layer);
    for (LayerVariants.Variant v : todo) {
      log.append(SweepRow.of(layer, depth, kernel, v, scores.get(v.evaluation()), baseline).fields());
    }
    LOG.info("{}: {} rows, {} evaluations, {} SVDs", layer, todo.size(), needed.size(), lv.decompositions());
    return needed.size();
  }

  static List<List<String>> chunks(List<String> keys, int floatsEach) {
    int per = (int) Math.max(1, CHUNK_FLOATS / Math.max(1, floatsEach));
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += per) {
      out.add(keys.subList(i, Math.min(keys.size(), i + per)));
    }
    return out;
  }
}
