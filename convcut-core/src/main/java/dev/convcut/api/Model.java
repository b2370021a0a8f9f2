package dev.convcut.api;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.StateDict;
import dev.convcut.data.DataOptions;
import dev.convcut.interop.onnx.OnnxExport;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Progress;
import dev.convcut.model.LayerInfo;
import dev.convcut.model.LayerSelection;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.AppliedTruncation;
import dev.convcut.study.LayerKernels;
import dev.convcut.study.LayerVariants;
import dev.convcut.study.Score;
import dev.convcut.study.SweepRow;
import dev.convcut.study.TruncationSpec;
import dev.convcut.study.VariantScoring;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.spectrum.SpectrumReport;
import dev.convcut.tensorize.Compressor;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.FactorizedLayer;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded network with its checkpoint's facts (architecture, preprocessing, classes), owning its
 * native memory until {@link #close}. Every operation returns its results in memory; files are
 * written only by {@link #save} and {@link #exportOnnx}.
 */
public final class Model implements AutoCloseable {
  private final NDManager manager;
  private final Network network;
  private final Architecture architecture;
  private final String source;
  private AppliedTruncation truncation;

  Model(NDManager manager, Network network, Architecture architecture, String source) {
    this.manager = manager;
    this.network = network;
    this.architecture = architecture;
    this.source = source;
  }

  static Model of(Path checkpoint, String dataset) {
    NDManager manager = NDManager.newBaseManager();
    try {
      Checkpoint ck = Checkpoints.load(checkpoint, manager);
      Architecture arch = dataset == null ? ck.architecture() : ck.architecture().forDataset(dataset, DataOptions.defaults());
      Model model = new Model(manager, ck.network(), arch, checkpoint.toString());
      model.truncation = Files.isDirectory(checkpoint) ? AppliedTruncation.read(checkpoint) : null;
      return model;
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The network (its weights are this model's; do not close it). */
  public Network network() {
    return network;
  }

  /** What its checkpoint records: architecture, layer forms, preprocessing, dataset, class names. */
  public Architecture architecture() {
    return architecture;
  }

  /** Its convolution and linear layers in forward order, with geometry, parameters and multiply-adds. */
  public List<LayerInfo> layers() {
    return network.layerInfos();
  }

  /** The test images of the checkpoint's own dataset: {@code samples} of them (0: all) drawn from seed 0. */
  public EvalData testData(int samples) {
    return EvalData.test(this, null, samples, 0);
  }

  /** Top-1, top-5 and loss on {@code data}. */
  public Score evaluate(EvalData data) {
    return VariantScoring.full(network, data.set(), data.batch(), null);
  }

  /** The caller's measure of the network as it is. */
  public double evaluate(ModelEvaluator evaluator) {
    return evaluator.evaluate(network);
  }

  /** The singular-value spectrum of every dense convolution and linear layer along each of its non-trivial cuts. */
  public SpectrumReport spectrum() {
    List<String> layers = LayerKernels.denseLayers(network);
    return SpectrumReport.compute(new LinkedHashMap<>(LayerKernels.kernels(network, layers)));
  }

  /**
   * The layer-wise sweep (docs/science.md, experiment 2) in memory: each selected layer alone
   * truncated along each cut to each level and scored, the network restored after each. Variants
   * that truncate to the same kernel are scored once, untruncated ones take the baseline.
   */
  public SweepResult sweep(SweepOptions options) {
    List<String> layers = swept(options);
    Score baseline = score(options, null, List.of()).get(0);
    List<SweepRow> rows = new ArrayList<>();
    for (String layer : layers) {
      Kernel kernel = LayerKernels.kernel(network, layer);
      LayerVariants lv = LayerVariants.of(layer, kernel, options.grid().cuts(), options.grid().levels());
      List<String> needed = lv.evaluations();
      Map<String, Score> scores = new HashMap<>();
      List<float[]> weights = new ArrayList<>();
      for (String key : needed) {
        weights.add(lv.truncated(key).toFloatArray());
      }
      List<Score> s = score(options, layer, weights);
      for (int i = 0; i < needed.size(); i++) {
        scores.put(needed.get(i), s.get(i));
      }
      int depth = LayerKernels.depth(network, layer);
      for (LayerVariants.Variant v : lv.variants()) {
        rows.add(SweepRow.of(layer, depth, kernel, v, scores.get(v.evaluation()), baseline));
      }
    }
    return new SweepResult(baseline.top1(), rows);
  }

  /**
   * The global truncation sweep (docs/science.md, experiment 3) in memory: for each cut and level
   * of {@code options}, every selected layer truncated along that cut at once and the network
   * scored; the weights are restored after each evaluation, and when the listener cancels.
   */
  public GlobalSweepResult globalSweep(SweepOptions options) {
    return GlobalSweep.run(this, swept(options), options);
  }

  /** The dense convolution and linear layers {@code options} selects (all when it names none). */
  private List<String> swept(SweepOptions options) {
    List<String> valid = LayerKernels.denseLayers(network);
    return options.layers().isEmpty() ? valid : LayerSelection.resolve(options.layers(), valid, "layers (dense conv and linear)");
  }

  /** Scores the network as it is ({@code layer} null) or with each of {@code layer}'s variant weights in place. */
  List<Score> score(SweepOptions options, String layer, List<float[]> variants) {
    String label = layer == null ? "baseline" : layer;
    if (options.data() != null) {
      EvalData d = options.data();
      long total = (long) d.size() * (layer == null ? 1 : variants.size());
      try (Progress p = Progress.to(options.listener(), label, total, "img")) {
        return layer == null ? List.of(VariantScoring.full(network, d.set(), d.batch(), p))
            : VariantScoring.variants(network, layer, variants, d.set(), d.batch(), p);
      }
    }
    List<Score> out = new ArrayList<>();
    if (layer == null) {
      out.add(caller(options.evaluator().evaluate(network)));
      return out;
    }
    float[] original = network.weight(layer);
    try (Progress p = Progress.to(options.listener(), label, variants.size(), "variants")) {
      for (float[] v : variants) {
        network.setWeight(layer, v);
        out.add(caller(options.evaluator().evaluate(network)));
        p.step(1, null);
      }
    } finally {
      network.setWeight(layer, original);
    }
    return out;
  }

  static Score caller(double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("the evaluator returned " + value + "; it must give a fraction in [0, 1], as top-1 is");
    }
    return new Score(value, Double.NaN, Double.NaN, 0);
  }

  /**
   * Truncates the network's layers in place as {@code spec} says (the {@code truncate} command's
   * language, e.g. {@code "features.*:o|ihw=keep0.5"}, docs/truncate.md) and returns what was done per
   * layer. {@link #copy} first to keep the original.
   */
  public AppliedTruncation truncate(String spec) {
    List<String> valid = LayerKernels.denseLayers(network);
    TruncationSpec.Plan plan = TruncationSpec.parse(spec).resolve(valid, LayerKernels.kernels(network, valid));
    truncation = AppliedTruncation.apply(network, plan, source, "");
    return truncation;
  }

  /**
   * The truncation this model carries, which projected re-training keeps: the last {@link
   * #truncate} call's, else the one its checkpoint records ({@code truncation.json}); null if none.
   */
  public AppliedTruncation truncation() {
    return truncation;
  }

  /**
   * Re-trains a copy of this model (docs/science.md, experiment 4): a few epochs of ordinary
   * training, or projected training that re-truncates to {@link #truncation()}'s ranks after every
   * step, scored before training (epoch 0) and after every epoch. This model is left as it was.
   */
  public RetrainResult retrain(RetrainOptions options) {
    return Retrain.run(this, options);
  }

  /**
   * A new model whose convolutions {@code layers} names (globs; none: every convolution that can
   * take it) are factorized by {@code method} at the ranks {@code ranks} resolves to, initialized
   * from this model's kernels; the rest is copied. Not fine-tuned.
   */
  public Model compress(Method method, RankRequest ranks, String... layers) {
    List<String> chosen = LayerSelection.convolutions(network, List.of(layers));
    List<FactorizedLayer> factorized = new ArrayList<>();
    Factorizer f = Factorizer.standard();
    for (String name : chosen) {
      DenseConv d = DenseConv.of(network, name);
      if (layers.length == 0 && Factorizer.refusal(d, method) != null) {
        continue;
      }
      factorized.add(f.factorize(d, method, ranks));
    }
    return compressed(factorized, "compressed by " + method + " " + ranks);
  }

  /**
   * The automatic compression (as {@code convcut compress} with a target does it, before
   * fine-tuning): per layer the method and rank that reach the target for the least measured loss,
   * chosen greedily from single-layer measurements and checked on the combined model. The new model
   * comes with the plan and its measurements; this model is left as it was, also when the listener
   * cancels.
   */
  public CompressResult compress(CompressOptions options) {
    return AutoCompress.run(this, options);
  }

  /** A new model: this one with {@code factorized} in place of their dense layers; {@code how} says what was done. */
  Model compressed(List<FactorizedLayer> factorized, String how) {
    NDManager m = NDManager.newBaseManager();
    try {
      Network compressed = Compressor.apply(network, factorized, m);
      Architecture arch = Architecture.of(compressed.spec(), compressed.forms(), architecture.preprocessing(), architecture.dataset(),
          architecture.classNames());
      return new Model(m, compressed, arch, source + " " + how);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  /** An independent copy (same architecture and forms, same weights). */
  public Model copy() {
    NDManager m = NDManager.newBaseManager();
    try {
      Network net = ModelZoo.forLoading(network.spec(), network.forms(), m);
      StateDict.load(net, StateDict.of(network), source);
      Model copy = new Model(m, net, architecture, source);
      copy.truncation = truncation;
      return copy;
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  /** Writes it as a checkpoint folder that every command reads; refuses an existing folder. */
  public void save(Path dir) {
    Provenance prov = Provenance.start("java-api", List.of());
    Checkpoints.save(dir, false, network, architecture, null, Map.of(), prov, null);
  }

  /**
   * Writes it as an ONNX file (opset {@value OnnxExport#OPSET}, BatchNorm folded, the
   * preprocessing and class names as metadata, so {@link Convcut#load} reads it back); refuses an
   * existing file.
   */
  public void exportOnnx(Path file) {
    if (Files.exists(file)) {
      throw new IllegalArgumentException(file + " already exists");
    }
    AtomicFiles.write(file, OnnxExport.model(network, true, OnnxExport.metadata(architecture))::writeTo);
  }

  @Override
  public void close() {
    network.close();
    manager.close();
  }
}
