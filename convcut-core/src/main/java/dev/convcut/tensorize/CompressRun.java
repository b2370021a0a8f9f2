package dev.convcut.tensorize;

import ai.djl.ndarray.NDManager;
import dev.convcut.ConvcutException;
import dev.convcut.InvalidRequestException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.data.Augmentation;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.DataOptions;
import dev.convcut.data.DataSource;
import dev.convcut.data.DatasetSpec;
import dev.convcut.data.Datasets;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Split;
import dev.convcut.engine.Torch;
import dev.convcut.eval.Evaluator;
import dev.convcut.io.Hashing;
import dev.convcut.io.Json;
import dev.convcut.io.OutputLock;
import dev.convcut.io.OutputPlace;
import dev.convcut.model.LayerSelection;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.EvalSet;
import dev.convcut.study.RemoteEvaluations;
import dev.convcut.study.SweepJob;
import dev.convcut.tensorize.select.AutoPlanner;
import dev.convcut.tensorize.select.CandidateGrid;
import dev.convcut.tensorize.select.MeasuredSensitivity;
import dev.convcut.tensorize.select.SensitivityTable;
import dev.convcut.tensorize.select.SpeedGate;
import dev.convcut.tensorize.select.SweepSensitivity;
import dev.convcut.train.EpochMetrics;
import dev.convcut.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole {@code convcut compress} run: load the checkpoint, factorize the chosen layers (or
 * choose methods and ranks automatically), build the compressed network, evaluate it, fine-tune
 * it, time it against the dense one, and write the compressed checkpoint with {@code
 * compress.json}, {@code compress.csv} and {@code run.json}. Bad requests are refused before any
 * data is read.
 */
public final class CompressRun {
  private static final Logger LOG = LoggerFactory.getLogger(CompressRun.class);
  public static final String JSON = "compress.json";
  public static final String CSV = "compress.csv";
  public static final String SENSITIVITY = "sensitivity.csv";
  /** The batch automatic mode scores its candidates in. */
  private static final int SELECT_BATCH = 256;

  private CompressRun() {}

  /** Runs {@code req} and returns its report (also written into the output checkpoint). */
  public static CompressionReport run(CompressRequest req) {
    return run(req, null);
  }

  /**
   * As {@link #run(CompressRequest)}, with automatic mode's candidate measurements run as tasks of
   * the remote evaluations {@code remote} opens for the job (a Spark application; the job's
   * checkpoint is {@code req.checkpoint()} made absolute), or in this JVM when {@code remote} is
   * null. The chosen ranks and the written checkpoint are the same either way.
   */
  public static CompressionReport run(CompressRequest req, Function<SweepJob, RemoteEvaluations> remote) {
    if (remote != null && req.auto() == null) {
      throw new IllegalArgumentException("only automatic mode measures candidates; manual mode and a plan have nothing to run remotely");
    }
    try (OutputLock lock = OutputLock.acquire(req.out())) {
      if (Files.exists(req.out()) && !req.force()) {
        throw OutputPlace.taken(req.out() + " already exists", true);
      }
      return locked(req, remote);
    }
  }

  private static CompressionReport locked(CompressRequest req, Function<SweepJob, RemoteEvaluations> remote) {
    Torch.configure(req.threads());
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(req.checkpoint(), manager)) {
      Network dense = ck.network();
      Architecture given = ck.architecture();
      String dataset = req.dataset() != null ? req.dataset() : given.dataset();
      if (dataset == null || dataset.isBlank()) {
        throw new InvalidRequestException(req.checkpoint() + " does not say which dataset it was trained on; pass ",
            Words.term(Setting.DATASET, "a dataset"));
      }
      Architecture arch = given.forDataset(dataset, req.data());
      DataOptions data = arch.dataOptions(req.data());
      DatasetSpec ds = Datasets.spec(dataset, data);
      checkFits(dense.spec(), ds, dataset);
      if (Datasets.isFolder(dataset)) {
        arch.checkFolderClasses(ds.classes(), String.valueOf(data.dataDir()));
      }
      List<String> layers = LayerSelection.convolutions(dense, req.layers());
      // Manual mode decomposes before any data is read, so a bad rank fails fast.
      List<FactorizedLayer> manual = req.manual() != null ? factorize(dense, sameForAll(layers, req.manual()))
          : req.plan() != null ? factorize(dense, checked(dense, req.plan())) : null;
      DataSource source = Datasets.locate(dataset, data);
      ImageSet test = Datasets.load(dataset, Split.TEST, data);
      boolean tune = req.finetune().epochs() > 0;
      ImageSet train = tune || (req.auto() != null && req.auto().split() == Split.TRAIN)
          ? Datasets.load(dataset, Split.TRAIN, data) : null;
      double denseTop1 = top1(dense, test, arch);
      LOG.info("dense top-1 on {}/test: {}", dataset, denseTop1);
      AutoPlanner.Plan plan = null;
      List<FactorizedLayer> chosen = manual;
      Map<String, Object> evaluatedOn = null;
      if (req.auto() != null) {
        ImageSet selectOn = req.auto().split() == Split.TRAIN ? train : test;
        EvalSet eval = EvalSet.of(selectOn, arch.preprocessing().normalization(), req.auto().images(), req.auto().seed());
        if (remote == null) {
          plan = plan(dense, factorizable(dense, layers), req.auto(), eval, req.latency(), null);
        } else {
          SweepJob job = new SweepJob(req.checkpoint().toAbsolutePath().normalize(),
              Hashing.sha256(Checkpoints.weights(req.checkpoint())), eval, null, SELECT_BATCH);
          try (RemoteEvaluations on = remote.apply(job)) {
            plan = plan(dense, factorizable(dense, layers), req.auto(), eval, req.latency(), on);
            evaluatedOn = on.report();
          }
        }
        chosen = plan.selection().chosen().values().stream().map(o -> o.candidate().factorized()).toList();
        LOG.info("selected: {}", plan.selection().chosen().values().stream().map(o -> o.candidate().label()).toList());
      }
      try (Network compressed = Compressor.apply(dense, chosen, manager)) {
        double before = top1(compressed, test, arch);
        LOG.info("compressed top-1 before fine-tuning: {}", before);
        List<Double> perEpoch = new ArrayList<>();
        TrainConfig tuneConfig = FineTune.config(req.finetune(), dense.spec().model(), dataset, dense.spec().stem(),
            ds.trainAugmentation());
        List<EpochMetrics> history = tune
            ? FineTune.run(compressed, tuneConfig, req.finetune().distillation(dense), train, test, arch.preprocessing(),
                req.progress())
            : List.of();
        history.forEach(m -> perEpoch.add(m.testTop1()));
        List<String> factorized = chosen.stream().map(FactorizedLayer::name).toList();
        Map<String, Latency.Pair> perLayer = Latency.layers(dense, compressed, factorized, req.latency());
        // Both runtimes on the same batch and threads: what convcut runs, and what the exported files deploy on.
        CompressionReport.Speed torch = CompressionReport.Speed.measure(new TorchRuntime(), dense, compressed, req.latency());
        CompressionReport.Speed ort = CompressionReport.Speed.measure(InferenceRuntime.named("onnxruntime"), dense, compressed,
            req.latency());
        CompressionReport report = ReportRows.report(dense, compressed, chosen, perLayer, torch, ort, req,
            new CompressionReport.Accuracy(test.dataset() + "/" + test.split() + ": all " + test.size() + " images", denseTop1,
                before, perEpoch), plan);
        save(req, compressed, arch, dataset, ds, source, report, history, plan, tuneConfig, evaluatedOn);
        return report;
      }
    }
  }

  /**
   * The layers automatic mode may factorize: grouped and depthwise convolutions are left dense (every
   * factorized form needs groups = 1), each named in the log with the reason; an explicit choice of
   * one is refused instead (Factorizer.checkApplicable).
   */
  public static List<String> factorizable(Network dense, List<String> layers) {
    List<String> kept = new ArrayList<>();
    for (String name : layers) {
      int groups = DenseConv.of(dense, name).spec().groups();
      if (groups == 1) {
        kept.add(name);
      } else {
        LOG.warn("{} left dense: a grouped convolution (groups={}), and every factorized form needs groups = 1", name, groups);
      }
    }
    if (kept.isEmpty()) {
      throw new InvalidRequestException("every layer in play is a grouped convolution, which no factorized form can replace; nothing to"
          + " compress");
    }
    return kept;
  }

  private static void checkFits(ModelSpec spec, DatasetSpec ds, String dataset) {
    if (spec.channels() != ds.channels() || spec.height() != ds.height() || spec.width() != ds.width()
        || spec.classes() != ds.classes().size()) {
      throw new InvalidRequestException("the checkpoint's network takes " + spec.inputShape()
          + " images and " + spec.classes() + " classes; " + dataset + " has " + ds.channels() + "x" + ds.height() + "x"
          + ds.width() + " and " + ds.classes().size());
    }
  }

  /** Factorizes each named layer by its method and ranks, after checking every layer can take its method. */
  private static List<FactorizedLayer> factorize(Network dense, Map<String, CompressRequest.Manual> byLayer) {
    Factorizer f = Factorizer.standard();
    List<DenseConv> convs = byLayer.keySet().stream().map(l -> DenseConv.of(dense, l)).toList();
    convs.forEach(c -> Factorizer.checkApplicable(c, byLayer.get(c.name()).method()));
    List<FactorizedLayer> out = new ArrayList<>();
    for (DenseConv c : convs) {
      CompressRequest.Manual m = byLayer.get(c.name());
      out.add(f.factorize(c, m.method(), m.ranks()));
    }
    return out;
  }

  private static Map<String, CompressRequest.Manual> sameForAll(List<String> layers, CompressRequest.Manual m) {
    Map<String, CompressRequest.Manual> out = new LinkedHashMap<>();
    layers.forEach(l -> out.put(l, m));
    return out;
  }

  /** The plan's layers, each checked to exist in {@code dense} (the error names the plan file). */
  private static Map<String, CompressRequest.Manual> checked(Network dense, CompressPlan plan) {
    for (String layer : plan.layers().keySet()) {
      if (!dense.layerNames().contains(layer)) {
        throw new InvalidRequestException(Setting.PLAN, " " + plan.source() + " factorizes layer " + layer + ", which "
            + dense.spec().model() + " does not have; its layers are: " + String.join(", ", dense.layerNames()));
      }
    }
    return plan.layers();
  }

  /** @param remote where the candidates are measured, or null for this JVM */
  private static AutoPlanner.Plan plan(Network dense, List<String> layers, CompressRequest.Auto a, EvalSet eval,
      Latency.Settings latency, RemoteEvaluations remote) {
    MeasuredSensitivity measured = new MeasuredSensitivity(dense, eval, SELECT_BATCH, a.floor()).on(remote);
    SensitivityTable table = a.sweep() == null ? measured : SweepSensitivity.read(a.sweep()).orElse(measured);
    CandidateGrid grid = new CandidateGrid(a.methods(), a.keeps(), a.target().resource(), Factorizer.standard());
    SpeedGate gate = speedGate(dense, a.minSpeedup(), a.speedRuntime(), latency);
    AutoPlanner.Plan plan = AutoPlanner.plan(dense, layers, grid, table, measured, a.target(), gate);
    if (plan.selection().chosen().isEmpty()) {
      throw new ConvcutException(Words.of("no layer can be factorized within " + a.target() + " (measured on " + table.source()
          + "); allow a larger ", Words.term(Setting.MAX_DROP, "top-1 drop"), ", more ", Words.term(Setting.METHODS, "methods"),
          " or ", Words.term(Setting.KEEPS, "kept fractions")));
    }
    return plan;
  }

  /**
   * Automatic mode's speed gate: each candidate's factor chain timed against {@code dense}'s layer
   * in the runtime {@code runtime} names ({@link InferenceRuntime#named}) at {@code latency}'s
   * batch, with fewer passes than the final report (it only has to tell faster from slower); null
   * when {@code minSpeedup} is 0 (no timing).
   */
  public static SpeedGate speedGate(Network dense, double minSpeedup, String runtime, Latency.Settings latency) {
    if (minSpeedup == 0) {
      return null;
    }
    Latency.Settings timing = new Latency.Settings(latency.batch(), 1, Math.min(latency.repeats(), 5));
    InferenceRuntime r = InferenceRuntime.named(runtime);
    return new SpeedGate(minSpeedup, (layer, c) -> r.chain(dense.manager(), layer, c.factorized().form(), timing).speedup());
  }

  private static double top1(Network net, ImageSet test, Architecture arch) {
    return Evaluator.evaluate(net, test, new BatchAssembler(test, arch.preprocessing().normalization(), Augmentation.NONE), 256,
        null).top1();
  }

  private static void save(CompressRequest req, Network compressed, Architecture arch, String dataset, DatasetSpec ds,
      DataSource source, CompressionReport report, List<EpochMetrics> history, AutoPlanner.Plan plan, TrainConfig tune,
      Map<String, Object> evaluatedOn) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(JSON, Json.write(report));
    files.put(CSV, report.csv());
    if (!history.isEmpty()) {
      files.put("metrics.csv", EpochMetrics.csv(history));
    }
    if (plan != null) {
      files.put(SENSITIVITY, ReportRows.sensitivityCsv(plan));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("request", req);
    config.put("finetune", req.finetune().epochs() > 0 ? tune : null);
    if (evaluatedOn != null) {
      config.put("evaluatedOn", evaluatedOn);
    }
    Provenance prov = Provenance.start("compress", req.arguments()).configuration(config).seed(tune.seed());
    prov.input("checkpoint", req.checkpoint());
    Datasets.digests(dataset, arch.dataOptions(req.data()).at(source.path())).forEach((f, sha) -> prov.input("data/" + f, sha));
    if (req.auto() != null && req.auto().sweep() != null) {
      prov.input("sweep", req.auto().sweep());
    }
    if (req.plan() != null) {
      prov.input("plan", req.plan().source());
    }
    Architecture out = Architecture.of(compressed.spec(), compressed.forms(), arch.preprocessing(), dataset,
        arch.classNames().isEmpty() ? ds.classes() : arch.classNames());
    Checkpoints.save(req.out(), req.force(), compressed, out, null, files, prov, report);
  }
}
