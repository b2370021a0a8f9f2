package dev.convcut.study.pipeline;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.data.DataOptions;
import dev.convcut.data.DataSource;
import dev.convcut.data.DatasetSpec;
import dev.convcut.data.Datasets;
import dev.convcut.data.ImageSet;
import dev.convcut.data.LabelKind;
import dev.convcut.data.Split;
import dev.convcut.interop.onnx.OnnxCheckpoint;
import dev.convcut.io.Hashing;
import dev.convcut.io.OutputLock;
import dev.convcut.model.ModelSpec;
import dev.convcut.provenance.Provenance;
import dev.convcut.report.Report;
import dev.convcut.report.analysis.Criteria;
import dev.convcut.study.EvalNoise;
import dev.convcut.study.EvalSet;
import dev.convcut.study.GlobalTruncation;
import dev.convcut.study.LayerKernels;
import dev.convcut.model.LayerSelection;
import dev.convcut.study.LayerwiseSweep;
import dev.convcut.study.RemoteEvaluations;
import dev.convcut.study.SpectrumFiles;
import dev.convcut.study.SpectrumRun;
import dev.convcut.study.StudyData;
import dev.convcut.study.SweepJob;
import dev.convcut.study.SweepOutcome;
import dev.convcut.study.SweepSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole study of docs/science.md on one configuration, into one run directory laid out as
 * docs/formats.md says: train (or reuse) the model, spectrum, layer-wise sweep, global
 * truncation, re-training of the most aggressive global truncation that lost accuracy, report;
 * after the sweep, the evaluation set's paired standard error on a few sweep rows ({@link EvalNoise}).
 * Every step scores on the same evaluation set; every step resumes (a killed run re-run with the
 * same command finishes without redoing finished work). {@code convcut demo} and {@code convcut
 * study} both run this.
 */
public final class StudyPipeline {
  /** Sweep rows re-scored image by image for the evaluation set's paired standard error ({@link EvalNoise}). */
  static final int NOISE_ROWS = 6;

  private StudyPipeline() {}

  /**
   * Where and how to run.
   *
   * @param cache where trained models are kept between runs ({@code ~/.convcut/cache})
   * @param log step-by-step notes (stderr); the summary is the caller's to print
   * @param remote opens where the sweep's and the global truncation's evaluations run (null: in this JVM)
   */
  public record Options(Path out, DataOptions data, Path cache, boolean progress, PrintStream log, List<String> arguments,
      String command, Function<SweepJob, RemoteEvaluations> remote) {
    /** Options with the evaluations in this JVM. */
    public Options(Path out, DataOptions data, Path cache, boolean progress, PrintStream log, List<String> arguments, String command) {
      this(out, data, cache, progress, log, arguments, command, null);
    }
  }

  /** What the run produced: the report, the re-trained truncation (empty if none lost accuracy) and each step's wall time. */
  public record Result(Path out, Report.Result report, Optional<String> retrained, Map<String, Map<String, Double>> times) {}

  /** Runs the study with its folder locked against other runs ({@link OutputLock}). */
  public static Result run(StudyConfig c, Options o) {
    try (OutputLock lock = OutputLock.acquire(o.out())) {
      return locked(c, o);
    }
  }

  private static Result locked(StudyConfig c, Options o) {
    StepClock clock = new StepClock();
    Provenance prov = Provenance.start(o.command(), o.arguments()).configuration(c).seed(c.seed());
    DataOptions training = o.data().forTraining();
    DatasetSpec ds = Datasets.spec(c.dataset(), training);
    Architecture arch;
    if (c.onnx() != null) {
      arch = OnnxCheckpoint.architecture(Path.of(c.onnx())).forDataset(c.dataset(), o.data());
    } else {
      ModelSpec spec = new ModelSpec(c.model(), ds.channels(), ds.height(), ds.classes().size(), c.stem());
      arch = Architecture.of(spec, Map.of(), Preprocessing.of(ds.normalization())
          .withResize(Datasets.isFolder(c.dataset()) ? training.folder().resize() : null), c.dataset(), ds.classes());
    }
    step(o, "load " + ds.title());
    ImageSet train = StudyData.load(arch, c.dataset(), Split.TRAIN, o.data(), prov);
    EvalSet eval = StudyData.evalSet(arch, c.dataset(), o.data(), c.evalSamples(), c.seed(), "evalSamples", null);
    DataSource source = Datasets.locate(c.dataset(), arch.dataOptions(o.data().at(o.data().dataDir())));
    clock.lap("load");
    o.log().println("  evaluation set: " + eval.subset());
    Provenance.start(o.command(), o.arguments()).configuration(c).seed(c.seed()).writeTo(mkdirs(o.out()), Map.of("status", "running"));

    step(o, "model");
    TrainedModel.Result model = c.onnx() != null ? TrainedModel.imported(c, arch, o.out(), o.log(), o.arguments())
        : TrainedModel.obtain(c, arch, train, eval, Datasets.digests(c.dataset(), arch.dataOptions(o.data())), o.cache(), o.out(),
            o.progress(), o.log(), o.arguments());
    clock.lap("model");
    prov.input("model/" + Checkpoints.WEIGHTS, Checkpoints.weights(model.checkpoint()));
    String sha = Hashing.sha256(Checkpoints.weights(model.checkpoint()));
    Optional<String> retrained;
    try (NDManager manager = NDManager.newBaseManager(); Checkpoint ck = Checkpoints.load(model.checkpoint(), manager)) {
      var net = ck.network();
      step(o, "spectrum");
      Path spectrum = o.out().resolve("spectrum");
      if (!Files.exists(spectrum.resolve(SpectrumFiles.CSV))) {
        SpectrumRun.run(net, spectrum, false, sub(o, "spectrum"));
      }
      clock.lap("spectrum");

      step(o, "layer-wise sweep");
      SweepSettings sweepSettings = settings(c.sweep(), net, o, "sweep", c.batchSize());
      SweepOutcome sweep;
      try (RemoteEvaluations remote = open(o, model.checkpoint(), sha, eval, sweepSettings)) {
        sweep = LayerwiseSweep.run(net, eval, sweepSettings, c.dataset(), sha, sub(o, "sweep"), remote);
      }
      o.log().printf(Locale.ROOT, "  %d rows, %d evaluations, baseline top-1 %.2f%%%n", sweep.rows(), sweep.evaluations(),
          100 * sweep.baseline().top1());
      clock.lap("sweep");

      step(o, "evaluation noise");
      Path noise = EvalNoise.run(net, eval, sweep.csv(), o.out().resolve("noise"), NOISE_ROWS, c.tolerance(), c.batchSize());
      o.log().println("  paired standard errors of " + NOISE_ROWS + " sweep rows near the tolerance: " + noise);
      clock.lap("noise");

      step(o, "global truncation");
      SweepSettings globalSettings = settings(c.global(), net, o, "global", c.batchSize());
      SweepOutcome global;
      try (RemoteEvaluations remote = open(o, model.checkpoint(), sha, eval, globalSettings)) {
        global = GlobalTruncation.run(net, eval, globalSettings, c.dataset(), sha, sub(o, "global"), remote);
      }
      o.log().printf(Locale.ROOT, "  %d rows, %d evaluations%n", global.rows(), global.evaluations());
      clock.lap("global");

      step(o, "re-training");
      retrained = StudyRetrain.run(c, o, ck.architecture(), model.checkpoint(), global.csv(), settings(c.global(), net, o, "global", c.batchSize()).layers(),
          eval, train, sweep.baseline(), manager);
      clock.lap("retrain");
    }

    step(o, "report");
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("secondsPerStep", clock.times());
    results.put("evalSet", eval.subset().toString());
    results.put("modelFromCache", model.cached());
    results.put("retrained", retrained.orElse(null));
    prov.writeTo(o.out(), results);
    Report.Result report = Report.write(o.out(), null, new Criteria(c.tolerance(), Criteria.DEFAULT_RECOVER_EPOCHS,
        Criteria.DEFAULT_MIN_NORM_LOSS), false, o.arguments());
    clock.lap("report");
    return new Result(o.out(), report, retrained, clock.times());
  }

  private static RemoteEvaluations open(Options o, Path checkpoint, String sha, EvalSet eval, SweepSettings s) {
    return o.remote() == null ? null
        : o.remote().apply(new SweepJob(checkpoint.toAbsolutePath().normalize(), sha, eval, s.grid(), s.batchSize()));
  }

  static SweepSettings settings(StudyConfig.GridConfig g, dev.convcut.model.Network net, Options o, String folder, int batch) {
    List<String> layers = g.layers().isEmpty() ? LayerKernels.convLayers(net)
        : LayerSelection.resolve(g.layers(), LayerKernels.denseLayers(net), "layers (dense conv and linear)");
    return new SweepSettings(layers, g.grid(), batch, o.out().resolve(folder), false, o.progress());
  }

  static Provenance sub(Options o, String step) {
    return Provenance.start(o.command() + " " + step, o.arguments());
  }

  private static void step(Options o, String name) {
    o.log().println("== " + name);
  }

  private static Path mkdirs(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (java.io.IOException e) {
      throw new dev.convcut.ConvcutException("could not create " + p + ": " + e.getMessage(), e);
    }
  }
}
