package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Split;
import dev.convcut.io.Hashing;
import dev.convcut.io.OutputPlace;
import dev.convcut.io.Spelled;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.AppliedTruncation;
import dev.convcut.study.EvalSet;
import dev.convcut.study.Recipe;
import dev.convcut.study.RetrainBaseline;
import dev.convcut.study.RetrainSettings;
import dev.convcut.study.Retraining;
import dev.convcut.study.StudyData;
import dev.convcut.train.Optimizer;
import dev.convcut.train.Schedule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut retrain}: a few epochs of dense (or projected) training from a truncated checkpoint. */
@Command(name = "retrain", mixinStandardHelpOptions = true,
    description = {
      "Experiment 4: re-trains a truncated checkpoint for a few epochs and scores it after each; epoch 0 is the truncated "
          + "model before training. Writes retrain.csv (one curve per --label), the re-trained checkpoint OUT/LABEL and run.json, "
          + "and prints epochs_to_recover, the first epoch whose top-1 is within --tolerance of the baseline.",
      "The baseline is the untruncated model's top-1 on the same images: --baseline-top1, or from the checkpoint's "
          + "truncation.json (when scored there on the same images), or measured on the source checkpoint it names.",
      "--projected re-truncates to the same cuts and ranks after every optimizer step, so the ranks are kept."
    },
    footer = {"", "Examples:", "  convcut retrain --checkpoint runs/t1 --epochs 3 --out runs/t1-retrain",
      "  convcut retrain --checkpoint runs/t1 --epochs 3 --projected --out runs/t1-retrain --eval-samples 2000",
      "", "Outputs: OUT/retrain.csv, OUT/LABEL/ (checkpoint), OUT/run.json (docs/retrain.md)."})
final class RetrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "The truncated checkpoint.")
  Path checkpoint;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write retrain.csv and the re-trained checkpoint.")
  Path out;

  @Option(names = "--epochs", defaultValue = "3", paramLabel = "N", description = "Epochs of re-training (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--projected", description = "Keep the truncation: re-truncate to the same cuts and ranks after every step.")
  boolean projected;

  @Option(names = "--label", paramLabel = "NAME", description = "The curve's name in retrain.csv (default: dense, or projected).")
  String label;

  @Option(names = "--baseline-top1", paramLabel = "FRACTION", description = "The untruncated model's top-1 on the same images.")
  Double baselineTop1;

  @Option(names = "--tolerance", defaultValue = "0.5", paramLabel = "POINTS",
      description = "Recovered means top-1 within this many points of the baseline (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd or adam (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--lr", defaultValue = "0.01", description = "Learning rate, constant (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
  double momentum;

  @Option(names = "--weight-decay", defaultValue = "5e-4", description = "Weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay;

  @Option(names = "--train-batch", defaultValue = "128", description = "Training batch size (default: ${DEFAULT-VALUE}).")
  int trainBatch;

  @Option(names = "--train-images", defaultValue = "0", description = "Train on this many training images drawn with --seed (default: 0 = all).")
  int trainImages;

  @Option(names = "--no-augment", description = "No training augmentation (default: the dataset's standard one; none for the MNIST family).")
  boolean noAugment;

  @Option(names = "--force", description = "Discard an earlier curve of the same label in --out and redo it.")
  boolean force;

  @Mixin StudyDataOptions data;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    boolean adam = Spelled.find(Optimizer.Kind.class, optimizer).orElse(null) == Optimizer.Kind.ADAM;
    if (adam && spec.commandLine().getParseResult().hasMatchedOption("--momentum")) {
      throw new IllegalArgumentException("--momentum applies to SGD; with --optimizer adam it would be ignored");
    }
    data.validate();
    engine.validate();
    String name = label != null ? label : projected ? "projected" : "dense";
    // Every setting is checked here, before any data is read; augmentation depends on the dataset and is set below.
    new RetrainSettings(name, recipe(false), projected, tolerance, out, force, true);
    OutputPlace.check(out);
    engine.start();
    Provenance prov = Provenance.start("retrain", spec.commandLine().getParseResult().originalArgs())
        .seed(data.seed).input("checkpoint/" + Checkpoints.WEIGHTS, Checkpoints.weights(checkpoint));
    PrintWriter stdout = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(checkpoint, manager)) {
      String dataset = StudyData.dataset(ck.architecture(), data.dataset);
      Architecture arch = ck.architecture().forDataset(dataset, data.toDataOptions());
      EvalSet eval = StudyData.evalSet(arch, dataset, data.toDataOptions(), data.evalSamples, data.seed, "--eval-samples", prov);
      ImageSet train = StudyData.load(arch, dataset, Split.TRAIN, data.toDataOptions(), prov);
      AppliedTruncation record = AppliedTruncation.read(checkpoint);
      RetrainBaseline.Baseline baseline = RetrainBaseline.resolve(baselineTop1, record, eval, data.batchSize, manager);
      boolean augment = !noAugment && !dataset.contains("mnist");
      RetrainSettings settings = new RetrainSettings(name, recipe(augment), projected, tolerance, out, force, true);
      Retraining.Outcome o = Retraining.run(ck.network(), new Retraining.Source(arch, record, dataset,
          Hashing.sha256(Checkpoints.weights(checkpoint))), eval, train, baseline.top1(), settings, prov);
      stdout.print(summary(o, baseline.source().render(Flags::of), eval));
      stdout.println("Wrote " + out.resolve(Retraining.CSV) + " and " + o.checkpoint());
    }
    stdout.flush();
    return 0;
  }

  /** A constant-rate recipe from the options. */
  private Recipe recipe(boolean augment) {
    return Recipe.builder().setEpochs(epochs).setBatchSize(trainBatch).setLr(lr).optOptimizer(Optimizer.Kind.named(optimizer))
        .optMomentum(momentum).optWeightDecay(weightDecay).optSchedule(Schedule.Kind.CONSTANT).optAugment(augment)
        .optTrainImages(trainImages).optSeed(data.seed).build();
  }

  static String summary(Retraining.Outcome o, String source, EvalSet eval) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s re-training on %s; baseline top-1 %.2f%% (%s)%n", o.label(),
        eval.subset(), 100 * o.baselineTop1(), source));
    for (int e = 0; e < o.top1().size(); e++) {
      b.append(String.format(Locale.ROOT, "  epoch %d: top-1 %.2f%% (%+.2f points)%n", e, 100 * o.top1().get(e),
          100 * (o.top1().get(e) - o.baselineTop1())));
    }
    b.append(o.epochsToRecover() == null ? "epochs_to_recover: not recovered within " + (o.top1().size() - 1) + " epochs\n"
        : "epochs_to_recover: " + o.epochsToRecover() + "\n");
    return b.toString();
  }
}
