package dev.convcut.cli;

import dev.convcut.data.Split;
import dev.convcut.io.OutputPlace;
import dev.convcut.tensor.Level;
import dev.convcut.tensorize.CompressPlan;
import dev.convcut.tensorize.CompressRequest;
import dev.convcut.tensorize.CompressRun;
import dev.convcut.tensorize.CompressionReport;
import dev.convcut.tensorize.FineTune;
import dev.convcut.tensorize.Latency;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import dev.convcut.tensorize.select.AutoPlanner;
import dev.convcut.tensorize.select.Resource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut compress}: replace convolutions by factorized ones, fine-tune, and report the real savings. */
@Command(name = "compress", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Replace a checkpoint's convolutions by chains of smaller convolutions (a cut's SVD, Tucker-2, CP or a "
        + "tensor train) initialized from the trained kernels, optionally fine-tune, and write the compressed checkpoint "
        + "with compress.json/compress.csv: parameters, multiply-adds, CPU latency dense vs compressed in libtorch and in "
        + "ONNX Runtime (same batch, same threads) and top-1 before and after fine-tuning.",
        "Manual: --method with one of --rank/--keep/--loss/--tol for every layer chosen by --layers. Automatic: "
        + "--target-params, --target-macs or --max-drop chooses per layer method and rank, greedily by measured accuracy "
        + "lost per parameter (or multiply-add) saved. Planned: --plan applies the selection an earlier run wrote."},
    footer = {"", "Examples:",
        "  convcut compress --checkpoint runs/cnn4-fmnist --method tucker2 --keep 0.25 --layers 'features.*' --out runs/cnn4-t2",
        "  convcut compress --checkpoint runs/cnn4-fmnist --method svd:oh/iw --rank 8 --layers features.6,features.8 --out c2",
        "  convcut compress --checkpoint runs/resnet20-fmnist --target-params 0.25 --finetune-epochs 3 --out runs/r20-x4",
        "  convcut compress --checkpoint runs/resnet20-fmnist --plan runs/r20-x4 --finetune-epochs 3 --out runs/r20-x4-again",
        "  convcut compress --checkpoint runs/cnn4-fmnist --max-drop 0.5 --methods tucker2,tt,svd:o/ihw --out c3",
        "  convcut compress --checkpoint runs/resnet20-fmnist --target-params 0.25 --runtime onnxruntime --out runs/r20-ort",
        "  convcut compress --checkpoint /shared/r50 --target-params 0.25 --spark spark://head:7077 --out runs/r50-x4"
            + "   (candidates measured on a Spark cluster)",
        "", "Outputs: the checkpoint directory --out (architecture.json with each factorized layer's form, "
        + "weights.safetensors, compress.json, compress.csv, sensitivity.csv in automatic mode, metrics.csv after "
        + "fine-tuning, run.json) and the table on stdout. See docs/compress.md."})
public final class CompressCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "The dense checkpoint to compress.")
  Path checkpoint;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The compressed checkpoint to write.")
  Path out;

  @Option(names = "--force", description = "Replace an existing --out.")
  boolean force;

  @Option(names = "--layers", split = ",", paramLabel = "NAME",
      description = "Convolutions to compress: names or globs (features.*, layer3.*.conv?). Default: every convolution.")
  List<String> layers = new ArrayList<>();

  @Option(names = "--method", paramLabel = "M", description = "Manual mode: svd:<cut> (e.g. svd:o|ihw, svd:oh/iw), tucker2, cp, tt, or the name of a registered decomposition.")
  String method;

  @Option(names = "--rank", split = ",", paramLabel = "R",
      description = "Ranks: one number, or one per bond (tucker2: R_O,R_I; tt: R1,R2,R3).")
  List<Integer> rank;

  @Option(names = "--keep", paramLabel = "F", description = "Keep fraction F of each bond's full rank (cp: of O·I·H·W/max(O,I,H,W)).")
  Double keep;

  @Option(names = "--loss", paramLabel = "ETA", description = "Smallest ranks whose norm loss is at most ETA (per bond; cp: of the result).")
  Double loss;

  @Option(names = "--tol", paramLabel = "TAU", description = "Keep singular values >= TAU·s1 (per bond; not for cp).")
  Double tol;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "Apply the methods and ranks an earlier compress run chose (its compress.json, or its output directory):"
          + " that selection exactly, on this checkpoint. Instead of --method or a target; no --layers.")
  Path plan;

  @Option(names = "--target-params", paramLabel = "F", description = "Automatic: keep at most fraction F of the convolution parameters.")
  Double targetParams;

  @Option(names = "--target-macs", paramLabel = "F", description = "Automatic: keep at most fraction F of the convolution multiply-adds.")
  Double targetMacs;

  @Option(names = "--max-drop", paramLabel = "POINTS",
      description = "Automatic: save as many parameters as possible with top-1 at most POINTS below dense (before fine-tuning).")
  Double maxDrop;

  @Option(names = "--methods", split = ",", paramLabel = "M",
      description = "Automatic: the methods to try. Default: the seven cuts, tucker2, tt (cp only when named: its"
          + " factors are often degenerate and diverge in fine-tuning).")
  List<String> methods;

  @Option(names = "--keeps", split = ",", paramLabel = "F",
      description = "Automatic: kept fractions to try per method. Default: 0.03,0.06,0.1,0.15,0.2,0.3,0.4,0.5.")
  List<Double> keeps;

  @Option(names = "--sweep", paramLabel = "FILE", description = "Automatic: take single-cut sensitivities from this sweep.csv.")
  Path sweep;

  @Option(names = "--select-split", paramLabel = "train|test",
      description = "Automatic: the split the sensitivities are measured on. Default: ${DEFAULT-VALUE} (the test split stays for the report).")
  String selectSplit = CompressRequest.Auto.DEFAULT_SPLIT.toString();

  @Option(names = "--select-images", paramLabel = "N", description = "Automatic: images of that split to measure on. Default: ${DEFAULT-VALUE}.")
  int selectImages = CompressRequest.Auto.DEFAULT_IMAGES;

  @Option(names = "--floor", paramLabel = "POINTS",
      description = "Automatic: stop trying lower ranks of a method once one is POINTS below dense. Default: ${DEFAULT-VALUE}.")
  double floor = CompressRequest.Auto.DEFAULT_FLOOR;

  @Option(names = "--min-speedup", paramLabel = "X",
      description = "Automatic: only candidates whose factor chain, timed on its own against the dense layer (--latency-batch,"
          + " --threads), runs at least X times as fast; 0 turns the timing off (fewest parameters, whatever the speed)."
          + " Default: ${DEFAULT-VALUE}.")
  double minSpeedup = CompressRequest.Auto.DEFAULT_MIN_SPEEDUP;

  @Option(names = "--runtime", paramLabel = "libtorch|onnxruntime",
      description = "Automatic: the runtime --min-speedup times each factor chain in: libtorch (what convcut runs) or"
          + " onnxruntime (the exported ONNX layer, as deployed). Default: libtorch.")
  String runtime;

  @Option(names = "--finetune-epochs", paramLabel = "E", description = "Fine-tuning epochs after compressing. Default: ${DEFAULT-VALUE}.")
  int finetuneEpochs = FineTune.Settings.DEFAULT.epochs();

  @Option(names = "--lr", paramLabel = "LR", description = "Fine-tuning learning rate (SGD, Nesterov, cosine). Default: ${DEFAULT-VALUE}.")
  double lr = FineTune.Settings.DEFAULT.lr();

  @Option(names = "--distill", paramLabel = "W",
      description = "Fine-tuning: share W of the loss that comes from distilling the dense model's outputs (knowledge"
          + " distillation; the rest is cross-entropy on the labels); 0 trains on the labels alone. Default: ${DEFAULT-VALUE}.")
  double distill = FineTune.Settings.DEFAULT.distill();

  @Option(names = "--distill-temperature", paramLabel = "T",
      description = "Fine-tuning: softening temperature of the distillation. Default: ${DEFAULT-VALUE}.")
  double distillTemperature = FineTune.Settings.DEFAULT.temperature();

  @Option(names = "--batch", paramLabel = "N", description = "Fine-tuning batch size. Default: ${DEFAULT-VALUE}.")
  int batch = FineTune.Settings.DEFAULT.batch();

  @Option(names = "--seed", paramLabel = "S", description = "Root seed (fine-tuning, selection subset). Default: ${DEFAULT-VALUE}.")
  long seed = FineTune.Settings.DEFAULT.seed();

  @Option(names = "--latency-batch", paramLabel = "N", description = "Batch for the CPU latency measurement. Default: ${DEFAULT-VALUE}.")
  int latencyBatch = Latency.Settings.DEFAULT.batch();

  @Option(names = "--latency-repeats", paramLabel = "N", description = "Timed passes (median reported). Default: ${DEFAULT-VALUE}.")
  int latencyRepeats = Latency.Settings.DEFAULT.repeats();

  @Option(names = "--latency-warmup", paramLabel = "N", description = "Untimed passes first. Default: ${DEFAULT-VALUE}.")
  int latencyWarmup = Latency.Settings.DEFAULT.warmup();

  @picocli.CommandLine.Mixin EngineOptions engine;

  @Option(names = "--dataset", paramLabel = "NAME", description = "Evaluate and fine-tune on this dataset (default: the checkpoint's).")
  String dataset;

  @picocli.CommandLine.Mixin DataLocationOptions data;

  @Option(names = "--no-progress", description = "No progress bar during fine-tuning.")
  boolean noProgress;

  @picocli.CommandLine.Mixin SparkOptions spark;

  @picocli.CommandLine.Mixin SparkCheckpointOption sparkCheckpoint;

  @Override
  public Integer call() {
    CompressRequest req = request();
    spark.validate();
    OutputPlace.check(out);
    engine.start();
    CompressionReport report = CompressRun.run(req, spark.enabled()
        ? job -> spark.open(job.at(sparkCheckpoint.onExecutors(checkpoint))) : null);
    PrintWriter o = spec.commandLine().getOut();
    o.print(report.table());
    o.println(out);
    o.flush();
    if (report.speed().cpuIsaCap() != null) {
      // The ratio of two models differs between kernel sets; a deployment usually runs the default ones.
      PrintWriter err = spec.commandLine().getErr();
      err.println("note: these latencies ran on kernels capped at " + report.speed().cpuIsaCap() + " (ONEDNN_MAX_CPU_ISA);"
          + " with libtorch's default kernels: unset it and run convcut bench latency --dense " + checkpoint
          + " --compressed " + out);
      err.flush();
    }
    return 0;
  }

  CompressRequest request() {
    engine.validate();
    int targets = count(targetParams, targetMacs, maxDrop);
    int levels = count(rank, keep, loss, tol);
    if (targets > 1) {
      throw new UsageException("give only one of --target-params, --target-macs, --max-drop");
    }
    CompressRequest.Manual manual = null;
    CompressRequest.Auto auto = null;
    CompressPlan planned = null;
    if (runtime != null && targets == 0) {
      throw new UsageException("--runtime picks where automatic mode's --min-speedup times the layers; manual mode and --plan"
          + " time nothing before compressing (the report gives both runtimes anyway): drop --runtime");
    }
    if (plan != null) {
      if (targets > 0 || method != null || levels > 0 || methods != null || keeps != null || sweep != null || !layers.isEmpty()) {
        throw new UsageException("--plan brings its own layers, methods and ranks: drop --layers, --method, --rank/--keep/"
            + "--loss/--tol, the targets, --methods, --keeps and --sweep");
      }
      planned = CompressPlan.read(plan);
    } else if (targets == 0) {
      if (method == null || levels != 1) {
        throw new UsageException("manual mode needs --method and exactly one of --rank, --keep, --loss, --tol;"
            + " automatic mode one of --target-params, --target-macs, --max-drop");
      }
      if (methods != null || keeps != null || sweep != null) {
        throw new UsageException("--methods, --keeps and --sweep are for automatic mode (--target-params, --target-macs, --max-drop)");
      }
      manual = new CompressRequest.Manual(Method.parse(method), rankRequest());
    } else {
      if (method != null || levels != 0) {
        throw new UsageException("automatic mode chooses methods and ranks itself: drop --method/--rank/--keep/--loss/--tol,"
            + " or drop the target to compress by hand");
      }
      AutoPlanner.Target target = targetParams != null ? AutoPlanner.Target.fraction(Resource.PARAMS, targetParams)
          : targetMacs != null ? AutoPlanner.Target.fraction(Resource.MACS, targetMacs) : AutoPlanner.Target.maxDrop(maxDrop);
      List<Method> ms = methods == null ? null : methods.stream().map(Method::parse).toList();
      if (runtime != null && minSpeedup == 0) {
        throw new UsageException("--runtime picks where --min-speedup times the layers; with --min-speedup 0 nothing is timed:"
            + " drop --runtime");
      }
      CompressRequest.Auto.Builder a = CompressRequest.Auto.builder(target).optSweep(sweep).optSplit(Split.parse(selectSplit))
          .optImages(selectImages).optSeed(seed).optFloor(floor).optMinSpeedup(minSpeedup).optSpeedRuntime(runtime);
      if (ms != null) {
        a.optMethods(ms);
      }
      if (keeps != null) {
        a.optKeeps(keeps);
      }
      auto = a.build();
    }
    FineTune.Settings tune = new FineTune.Settings(finetuneEpochs, lr, batch, seed, distill, distillTemperature);
    refuseIgnoredOptions(auto != null);
    if (spark.enabled() && auto == null) {
      throw new UsageException("--spark runs automatic mode's candidate measurements (--target-params, --target-macs,"
          + " --max-drop) as Spark tasks; " + (plan != null ? "--plan" : "manual mode (--method)")
          + " measures no candidates, so there is nothing to run on Spark: drop --spark");
    }
    sparkCheckpoint.validate(spark);
    return CompressRequest.builder().setCheckpoint(checkpoint).setOut(out).optForce(force).optLayers(layers).setManual(manual)
        .setAuto(auto).setPlan(planned).optFineTune(tune).optLatency(new Latency.Settings(latencyBatch, latencyWarmup, latencyRepeats))
        .optThreads(engine.threads()).optDataset(dataset)
        .optData(data.toDataOptions()).optProgress(!noProgress)
        .optArguments(List.of(spec.commandLine().getParseResult().originalArgs().toArray(new String[0]))).build();
  }

  /** Refuses options that would do nothing: fine-tuning settings without fine-tuning, selection settings outside automatic mode. */
  private void refuseIgnoredOptions(boolean automatic) {
    if (finetuneEpochs == 0) {
      IgnoredOptions.refuse(spec, List.of("--lr", "--batch", "--distill", "--distill-temperature"),
          "fine-tuning (--finetune-epochs E)", "without fine-tuning epochs");
      if (!automatic) {
        IgnoredOptions.refuse(spec, List.of("--seed"), "fine-tuning (--finetune-epochs E) and automatic selection",
            "without either");
      }
    } else if (distill == 0) {
      IgnoredOptions.refuse(spec, List.of("--distill-temperature"), "distillation (--distill W with W > 0)", "without it");
    }
    if (!automatic) {
      IgnoredOptions.refuse(spec, List.of("--select-split", "--select-images", "--floor", "--min-speedup"),
          "automatic mode (--target-params, --target-macs, --max-drop)", plan != null ? "with --plan" : "in manual mode");
    }
  }

  private RankRequest rankRequest() {
    if (rank != null) {
      return new RankRequest(rank, null);
    }
    return RankRequest.level(keep != null ? Level.keep(keep) : loss != null ? Level.loss(loss) : Level.tol(tol));
  }

  private static int count(Object... values) {
    int n = 0;
    for (Object v : values) {
      if (v != null) {
        n++;
      }
    }
    return n;
  }
}
