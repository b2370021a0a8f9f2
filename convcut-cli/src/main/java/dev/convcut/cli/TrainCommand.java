package dev.convcut.cli;

import dev.convcut.data.Augmentation;
import dev.convcut.data.Datasets;
import dev.convcut.io.Json;
import dev.convcut.io.OutputPlace;
import dev.convcut.io.Spelled;
import dev.convcut.model.Stem;
import dev.convcut.train.EpochMetrics;
import dev.convcut.train.Optimizer;
import dev.convcut.train.Schedule;
import dev.convcut.train.TrainConfig;
import dev.convcut.train.TrainRun;
import dev.convcut.train.TrainingState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut train}: trains a model on a dataset and writes a checkpoint after every epoch. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train a model on a dataset with PyTorch's optimizer semantics. The checkpoint directory (--out) is "
        + "rewritten after every epoch with the weights, the training state for --resume, metrics.csv and run.json. "
        + "A progress bar (loss, accuracy, images/s, ETA) goes to stderr when it is a terminal.",
    footer = {"", "Examples:",
        "  convcut train --model cnn4 --dataset fashion-mnist --epochs 15 --optimizer adam --lr 0.001 --out runs/cnn4-fmnist",
        "  convcut train --model resnet20 --dataset cifar10 --epochs 200 --lr 0.1 --nesterov --weight-decay 5e-4 --out runs/r20",
        "  convcut train --resume runs/r20 --epochs 250 --dataset cifar10 --out runs/r20 --force"})
public final class TrainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "NAME", description = "Architecture: ${COMPLETION-CANDIDATES} (not with --resume).",
      completionCandidates = ModelNames.class)
  String model;

  @Mixin DatasetOptions data;

  @Option(names = "--stem", paramLabel = "cifar|imagenet", description = "ResNet-18/34/50 stem (default: ${DEFAULT-VALUE}).")
  String stem = Stem.CIFAR.spelling();

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs in all (default: 15; when resuming, the checkpoint's).")
  Integer epochs;

  @Option(names = "--batch-size", paramLabel = "N", description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batchSize = TrainConfig.DEFAULT_BATCH_SIZE;

  @Option(names = "--optimizer", paramLabel = "sgd|adam", description = "Optimizer (default: ${DEFAULT-VALUE}).")
  String optimizer = TrainConfig.DEFAULT_OPTIMIZER.spelling();

  @Option(names = "--lr", paramLabel = "RATE", description = "Peak learning rate (default: 0.1 for sgd, 0.001 for adam).")
  Double lr;

  @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
  double momentum = TrainConfig.DEFAULT_MOMENTUM;

  @Option(names = "--nesterov", description = "Nesterov momentum (SGD).")
  boolean nesterov;

  @Option(names = "--weight-decay", paramLabel = "WD", description = "L2 weight decay added to the gradient (default: 5e-4 for sgd, 0 for adam).")
  Double weightDecay;

  @Option(names = "--no-decay-bn-bias", description = "Exempt biases and BatchNorm parameters from weight decay.")
  boolean noDecayBnBias;

  @Option(names = "--schedule", paramLabel = "cosine|step|constant", description = "Learning-rate schedule by epoch (default: ${DEFAULT-VALUE}).")
  String schedule = TrainConfig.DEFAULT_SCHEDULE.spelling();

  @Option(names = "--milestones", split = ",", paramLabel = "E", description = "Epochs at which the step schedule multiplies the rate by --gamma.")
  List<Integer> milestones = new ArrayList<>();

  @Option(names = "--gamma", paramLabel = "G", description = "Step-schedule factor (default: ${DEFAULT-VALUE}).")
  double gamma = TrainConfig.DEFAULT_GAMMA;

  @Option(names = "--warmup", paramLabel = "EPOCHS", description = "Linear warm-up epochs (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--label-smoothing", paramLabel = "EPS", description = "Label smoothing (default: ${DEFAULT-VALUE}).")
  double labelSmoothing;

  @Option(names = "--augment", paramLabel = "default|none|flip|crop-flip|resized-crop-flip",
      description = "Training augmentation: the dataset's standard one (CIFAR: crop+flip; MNIST family: none; image folders:"
          + " resized-crop-flip), none, a horizontal flip, random crop after zero-padding by --crop-padding plus flip, or"
          + " torchvision's RandomResizedCrop of the original image plus flip (image folders). Default: ${DEFAULT-VALUE}.")
  String augment = "default";

  @Option(names = "--crop-padding", paramLabel = "PIXELS", description = "Padding for --augment crop-flip (default: ${DEFAULT-VALUE}).")
  int cropPadding = 4;

  @Option(names = "--seed", paramLabel = "N", description = "Root seed for initialization, order, augmentation, dropout (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--eval-every", paramLabel = "N", description = "Evaluate on the test split every N epochs and after the last; 0 never (default: ${DEFAULT-VALUE}).")
  int evalEvery = TrainConfig.DEFAULT_EVAL_EVERY;

  @Option(names = "--limit", paramLabel = "N", description = "Train on the first N training images only (default: all; kept when resuming).")
  int limit;

  @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run saved in this checkpoint.")
  Path resume;

  @Option(names = "--out", paramLabel = "DIR", description = "Checkpoint directory to write (default with --resume: the same one).")
  Path out;

  @Option(names = "--force", description = "Replace an existing checkpoint directory.")
  boolean force;

  @Option(names = "--reset-optimizer", description = "With --resume, allow a checkpoint without optimizer.safetensors: the "
      + "optimizer restarts (Adam's moments, SGD's momentum at zero), so the weights differ from an uninterrupted run.")
  boolean resetOptimizer;

  @Option(names = "--json", description = "Print the per-epoch metrics as JSON instead of CSV.")
  boolean json;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    Path target = out != null ? out : resume;
    if (target == null) {
      throw new IllegalArgumentException("--out DIR is required (the checkpoint to write)");
    }
    TrainConfig config = null;
    if (resume == null) {
      if (model == null) {
        throw new IllegalArgumentException("--model is required (or --resume a checkpoint)");
      }
      refuseIgnoredOptions();
      config = config();
    } else if (model != null) {
      throw new IllegalArgumentException("--model cannot be combined with --resume (the checkpoint fixes the model)");
    } else {
      for (String o : RUN_OPTIONS) {
        if (given(o)) {
          throw new IllegalArgumentException(o + " cannot be combined with --resume: the checkpoint fixes the training "
              + "configuration, so it would be ignored");
        }
      }
    }
    engine.validate();
    OutputPlace.check(target);
    engine.start();
    TrainingState state = TrainRun.run(new TrainRun.Request(config, Stem.named(stem), data.toDataOptions(), target, force, resume,
        resume == null ? null : epochs, resetOptimizer, true, List.of(spec.commandLine().getParseResult().originalArgs().toArray(new String[0]))));
    PrintWriter o = spec.commandLine().getOut();
    o.print(json ? Json.write(state.history()) : EpochMetrics.csv(state.history()));
    EpochMetrics last = state.history().get(state.history().size() - 1);
    spec.commandLine().getErr().println(String.format(Locale.ROOT, "convcut train: %d epochs, test top-1 %s, checkpoint %s",
        state.epochsDone(), Double.isNaN(last.testTop1()) ? "not evaluated" : String.format(Locale.ROOT, "%.2f%%", 100 * last.testTop1()), target));
    o.flush();
    return 0;
  }

  /** The options a resumed run takes from its checkpoint instead. */
  private static final List<String> RUN_OPTIONS = List.of("--stem", "--batch-size", "--optimizer", "--lr", "--momentum",
      "--nesterov", "--weight-decay", "--no-decay-bn-bias", "--schedule", "--milestones", "--gamma", "--warmup",
      "--label-smoothing", "--augment", "--crop-padding", "--seed", "--eval-every", "--limit");

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** Refuses options that would do nothing with the chosen optimizer, schedule or augmentation. */
  private void refuseIgnoredOptions() {
    if (Spelled.find(Optimizer.Kind.class, optimizer).filter(k -> k != Optimizer.Kind.SGD).isPresent()) {
      IgnoredOptions.refuse(spec, List.of("--nesterov", "--momentum"), "SGD", "with --optimizer " + optimizer);
    }
    Schedule.Kind kind = Spelled.find(Schedule.Kind.class, schedule).orElse(null);
    if (kind == null) {
      return; // config() names the valid schedules
    }
    if (kind != Schedule.Kind.STEP) {
      IgnoredOptions.refuse(spec, List.of("--milestones", "--gamma"), "--schedule step", "with --schedule " + schedule);
    } else if (milestones.isEmpty()) {
      throw new IllegalArgumentException("--schedule step needs --milestones (the epochs at which the rate is multiplied by "
          + "--gamma); without them the rate would stay constant");
    }
    if (!augment.equals("crop-flip")) {
      IgnoredOptions.refuse(spec, List.of("--crop-padding"), "--augment crop-flip", "with --augment " + augment);
    }
  }

  private TrainConfig config() {
    Augmentation aug = switch (augment) {
      case "default" -> Datasets.standardAugmentation(data.dataset());
      case "none" -> Augmentation.NONE;
      case "crop-flip" -> new Augmentation(cropPadding, true);
      case "flip" -> new Augmentation(0, true);
      case "resized-crop-flip" -> Augmentation.RESIZED_CROP_AND_FLIP;
      default -> throw new IllegalArgumentException("--augment must be default, none, flip, crop-flip or resized-crop-flip, got '"
          + augment + "'");
    };
    TrainConfig.Builder b = TrainConfig.builder().setModel(model).setDataset(data.dataset()).optStem(Stem.named(stem))
        .optBatchSize(batchSize).optOptimizer(Optimizer.Kind.named(optimizer)).optMomentum(momentum).optNesterov(nesterov)
        .optDecayBiasAndNorm(!noDecayBnBias).optMilestones(milestones).optGamma(gamma).optWarmupEpochs(warmup)
        .optLabelSmoothing(labelSmoothing).optSeed(seed).optEvalEvery(evalEvery).optAugmentation(aug).optTrainLimit(limit);
    if (epochs != null) {
      b.optEpochs(epochs);
    }
    if (lr != null) {
      b.optLr(lr);
    }
    if (weightDecay != null) {
      b.optWeightDecay(weightDecay);
    }
    return b.optSchedule(Schedule.Kind.named(schedule)).build();
  }
}
