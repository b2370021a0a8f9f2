package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.io.Hashing;
import dev.convcut.io.OutputPlace;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.EvalSet;
import dev.convcut.study.GlobalTruncation;
import dev.convcut.study.Grid;
import dev.convcut.study.LayerKernels;
import dev.convcut.model.LayerSelection;
import dev.convcut.study.LayerwiseSweep;
import dev.convcut.study.RemoteEvaluations;
import dev.convcut.study.StudyData;
import dev.convcut.study.SweepOutcome;
import dev.convcut.study.SweepJob;
import dev.convcut.study.SweepSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut sweep}: the layer-wise sweep, or with {@code --global} the global truncation. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {
      "Experiment 2, the layer-wise sweep: for one layer at a time, each cut and each level, truncate only that layer and "
          + "score the network; one row of sweep.csv per (layer, cut, level) plus the baseline row, and sweep.json.",
      "With --global, experiment 3: all selected layers truncated at once along each cut at each level; global.csv and global.json.",
      "Rows are written to disk as they finish. Re-running the same command into the same --out resumes an interrupted "
          + "sweep; a different configuration there is refused (--force discards it)."
    },
    footer = {"", "Examples:",
      "  convcut sweep --checkpoint runs/demo/model --out runs/demo/sweep --eval-samples 2000",
      "  convcut sweep --checkpoint ck --layers 'layer3.*,fc' --cuts o|ihw,oi/hw --levels keep0.5,rank1 --out s",
      "  convcut sweep --global --checkpoint runs/demo/model --out runs/demo/global --cuts o/ihw",
      "  convcut sweep --checkpoint /shared/ck --out runs/s --spark spark://head:7077   (evaluations on a Spark cluster)",
      "", "Defaults: every dense conv layer; all 7 cuts (trivial ones skipped; a linear layer has the one cut o|i); levels "
          + "keep1.0,keep0.9,...,keep0.1,rank1 (a rank above a cut's full rank keeps the full rank); the whole test split.",
      "Outputs: OUT/sweep.csv or OUT/global.csv, the .json beside it, the .config.json lock and run.json (docs/sweep.md)."})
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "The checkpoint to sweep.")
  Path checkpoint;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder for the rows (created; resumed if it holds this sweep).")
  Path out;

  @Option(names = "--layers", paramLabel = "L,..", split = ",",
      description = "Layers by name or glob (layer3.*); linear layers only when named. Default: every dense conv layer.")
  List<String> layers;

  @Option(names = "--cuts", paramLabel = "CUT,..", description = "Cuts, e.g. o|ihw,oi/hw (default: all seven).")
  String cuts;

  @Option(names = "--levels", paramLabel = "LEVEL,..", description = "Levels: keepF, rankK, lossETA, tolTAU (default: keep1.0..keep0.1, rank1).")
  String levels;

  @Option(names = "--global", description = "Truncate all selected layers at once per (cut, level) instead of one at a time.")
  boolean global;

  @Option(names = "--force", description = "Discard an earlier sweep in --out (of any configuration) and start over.")
  boolean force;

  @Mixin StudyDataOptions data;

  @Mixin EngineOptions engine;

  @Mixin SparkOptions spark;

  @Mixin SparkCheckpointOption sparkCheckpoint;

  @Override
  public Integer call() {
    Grid grid = Grid.parse(cuts, levels);
    data.validate();
    engine.validate();
    sparkCheckpoint.validate(spark);
    spark.validate();
    OutputPlace.check(out);
    engine.start();
    String name = global ? "sweep --global" : "sweep";
    Provenance prov = Provenance.start(name, spec.commandLine().getParseResult().originalArgs())
        .seed(data.seed).input("checkpoint/" + Checkpoints.WEIGHTS, Checkpoints.weights(checkpoint));
    PrintWriter stdout = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(checkpoint, manager)) {
      List<String> chosen = layers == null || layers.isEmpty() ? LayerKernels.convLayers(ck.network())
          : LayerSelection.resolve(layers, LayerKernels.denseLayers(ck.network()), "layers (dense conv and linear)");
      SweepSettings settings = new SweepSettings(chosen, grid, data.batchSize, out, force, true);
      String dataset = StudyData.dataset(ck.architecture(), data.dataset);
      EvalSet eval = StudyData.evalSet(ck.architecture().forDataset(dataset, data.toDataOptions()), dataset, data.toDataOptions(), data.evalSamples, data.seed, "--eval-samples",
          prov);
      String sha = Hashing.sha256(Checkpoints.weights(checkpoint));
      SweepOutcome o;
      try (RemoteEvaluations remote = spark.open(new SweepJob(sparkCheckpoint.onExecutors(checkpoint), sha, eval, grid,
          data.batchSize))) {
        o = global ? GlobalTruncation.run(ck.network(), eval, settings, dataset, sha, prov, remote)
            : LayerwiseSweep.run(ck.network(), eval, settings, dataset, sha, prov, remote);
      }
      stdout.printf(Locale.ROOT, "%s of %s on %s: %d rows (%d from an earlier run), %d evaluations in %.1f s; baseline top-1 %.2f%%%n",
          global ? "Global truncation" : "Layer-wise sweep", checkpoint, eval.subset(), o.rows(), o.resumedRows(), o.evaluations(),
          o.seconds(), 100 * o.baseline().top1());
      for (Path p : Arrays.asList(o.csv(), o.json())) {
        stdout.println("Wrote " + p);
      }
    }
    stdout.flush();
    return 0;
  }
}
