package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.interop.onnx.OnnxCheckpoint;
import dev.convcut.io.Hashing;
import dev.convcut.io.OutputLock;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.AppliedTruncation;
import dev.convcut.study.EvalSet;
import dev.convcut.study.LayerKernels;
import dev.convcut.study.Score;
import dev.convcut.study.StudyData;
import dev.convcut.study.TruncationSpec;
import dev.convcut.study.VariantScoring;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut truncate}: applies a truncation plan and writes a new checkpoint. */
@Command(name = "truncate", mixinStandardHelpOptions = true,
    description = {
      "Truncates any layers of a checkpoint along any cuts, several cuts per layer applied in order, and writes a new "
          + "checkpoint (same architecture, truncated dense weights) whose truncation.json and run.json record the plan, the "
          + "rank each step kept, and per layer the norm loss, relative error and rank profile.",
      "The plan is checked against the model before any work: an unknown layer, a cut a layer cannot have, or a level out of "
          + "range is refused with the valid choices. Cuts that are trivial for a layer are skipped."
    },
    footer = {"", "Spec: LAYER:CUT=LEVEL[,CUT=LEVEL...][;LAYER:...]; LAYER a name or glob; LEVEL rankK, keepF, lossETA or tolTAU.",
      "", "Examples:",
      "  convcut truncate --checkpoint runs/demo/model --spec 'features.6:oi|hw=keep0.25,o|ihw=loss0.1' --out runs/t1",
      "  convcut truncate --checkpoint ck --spec 'layer3.*:ohw/i=rank8;fc:o/i=keep0.5' --out ck-t --evaluate --eval-samples 2000",
      "", "Outputs: the checkpoint directory OUT with truncation.json (docs/truncate.md)."})
final class TruncateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "The checkpoint to truncate.")
  Path checkpoint;

  @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "The truncation plan (see below).")
  String plan;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new checkpoint directory.")
  Path out;

  @Option(names = "--force", description = "Replace an existing --out.")
  boolean force;

  @Option(names = "--evaluate", description = "Also score the original and the truncated model on the evaluation set and record both.")
  boolean evaluate;

  @Mixin StudyDataOptions data;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    TruncationSpec.parse(plan);
    if (!evaluate) {
      // Where the data lives (--data-dir, --no-download) may be passed to every command alike; what to score may not.
      // An ONNX file without convcut's metadata takes its preprocessing from --dataset (and an image folder's
      // transform options), which the truncated checkpoint records, so those count without --evaluate too.
      List<String> kept = new ArrayList<>(List.of("--data-dir", "--no-download"));
      if (OnnxCheckpoint.isOnnxFile(checkpoint)) {
        kept.add("--dataset");
        kept.addAll(CommandSpec.forAnnotatedObject(new ImageFolderOptions()).options().stream()
            .map(OptionSpec::longestName).toList());
      }
      List<String> scoring = IgnoredOptions.ofMixin(spec, "data").stream().filter(o -> !kept.contains(o)).toList();
      IgnoredOptions.refuse(spec, scoring, "--evaluate", "without it");
    }
    data.validate();
    engine.validate();
    try (OutputLock lock = OutputLock.acquire(out)) {
      return write();
    }
  }

  /** The command's work, with --out locked against other runs. */
  private Integer write() {
    TruncationSpec parsed = TruncationSpec.parse(plan);
    engine.start();
    Provenance prov = Provenance.start("truncate", spec.commandLine().getParseResult().originalArgs())
        .seed(data.seed).input("checkpoint/" + Checkpoints.WEIGHTS, Checkpoints.weights(checkpoint));
    PrintWriter stdout = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(checkpoint, manager)) {
      var net = ck.network();
      Architecture arch = ck.architecture().forDataset(data.dataset, data.toDataOptions());
      var valid = LayerKernels.denseLayers(net);
      TruncationSpec.Plan resolved = parsed.resolve(valid, LayerKernels.kernels(net, valid));
      EvalSet eval = null;
      Score before = null;
      if (evaluate) {
        String dataset = StudyData.dataset(arch, data.dataset);
        eval = StudyData.evalSet(arch, dataset, data.toDataOptions(), data.evalSamples, data.seed, "--eval-samples", prov);
        before = VariantScoring.full(net, eval, data.batchSize, null);
      }
      AppliedTruncation applied = AppliedTruncation.apply(net, resolved, checkpoint.toString(),
          Hashing.sha256(Checkpoints.weights(checkpoint)));
      if (evaluate) {
        applied = applied.withEvaluation(new AppliedTruncation.Evaluation(eval.describe(), before,
            VariantScoring.full(net, eval, data.batchSize, null)));
      }
      prov.configuration(Map.of("checkpoint", checkpoint.toString(), "spec", plan, "model", arch.model(),
          "evaluate", evaluate));
      Checkpoints.save(out, force, net, arch, null, Map.of(AppliedTruncation.FILE, applied.json()), prov, applied);
      stdout.print(table(applied));
      stdout.println("Wrote " + out);
    }
    stdout.flush();
    return 0;
  }

  static String table(AppliedTruncation a) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-20s %-34s %9s %9s  %s%n", "layer", "steps (cut level: rank/full)",
        "norm_loss", "rel_error", "rank profile"));
    for (AppliedTruncation.LayerRecord l : a.layers()) {
      StringBuilder steps = new StringBuilder();
      for (AppliedTruncation.StepRecord s : l.steps()) {
        steps.append(steps.length() == 0 ? "" : ", ").append(s.cut()).append(' ').append(s.level()).append(": ").append(s.rank())
            .append('/').append(s.fullRank());
      }
      b.append(String.format(Locale.ROOT, "%-20s %-34s %9.4f %9.4f  %s%n", l.layer(), steps, l.normLoss(), l.relError(),
          l.rankProfile()));
    }
    for (String s : a.skipped()) {
      b.append("skipped: ").append(s).append('\n');
    }
    if (a.evaluation() != null) {
      b.append(String.format(Locale.ROOT, "top-1 %.2f%% -> %.2f%% (%+.2f points) on %d images%n", 100 * a.evaluation().baseline().top1(),
          100 * a.evaluation().truncated().top1(), a.evaluation().truncated().deltaTop1(a.evaluation().baseline().top1()),
          a.evaluation().truncated().images()));
    }
    return b.toString();
  }
}
