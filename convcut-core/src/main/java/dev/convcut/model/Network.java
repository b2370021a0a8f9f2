package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.convcut.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built network: an ordered list of stages over parameters held in its own native memory
 * scope. {@link #forward(int, int, NDArray, boolean)} runs a range of stages, so the study can
 * compute the activations before a truncated layer once and only the rest per variant. Every
 * convolution and linear layer is reachable by its PyTorch name.
 */
public final class Network implements AutoCloseable {
  private final ModelSpec spec;
  private final Map<String, LayerForm> forms;
  private final List<Stage> stages;
  private final NDManager manager;
  private final Map<String, Param> params = new LinkedHashMap<>();
  private final Map<String, WeightLayer> layers = new LinkedHashMap<>();
  private final Map<String, Integer> layerStage = new LinkedHashMap<>();

  /** A network of {@code stages} over arrays in {@code manager} (closed with the network); see {@link ModelZoo}. */
  public Network(ModelSpec spec, Map<String, LayerForm> forms, List<Stage> stages, NDManager manager) {
    this.spec = spec;
    this.forms = Collections.unmodifiableMap(new LinkedHashMap<>(forms));
    this.stages = List.copyOf(stages);
    this.manager = manager;
    for (int s = 0; s < this.stages.size(); s++) {
      Stage stage = this.stages.get(s);
      for (Param p : stage.params()) {
        if (params.put(p.name(), p) != null) {
          throw new IllegalStateException("two parameters named " + p.name());
        }
      }
      for (WeightLayer l : stage.weightLayers()) {
        layers.put(l.name(), l);
        layerStage.put(l.name(), s);
      }
    }
  }

  public ModelSpec spec() {
    return spec;
  }

  /**
   * Whether training runs this network's activations channels-last ({@link Ops#channelsLast}):
   * for a dense network of more than one input channel whose convolutions are all spatial,
   * ungrouped, or strided 1×1 projections (cnn4 and the basic-block ResNets). libtorch 2.7.1's
   * oneDNN trains those 1.1–1.3× faster channels-last (BENCHMARKS.md); stride-1 1×1 convolutions
   * (bottlenecks, factor chains) stay NCHW, because oneDNN's channels-last 1×1 forward kernel
   * crashes on some of their shapes on AVX-512 machines, and factor chains' thin convolutions
   * were only checked for correctness in NCHW. One input channel gives the same strides either
   * way, so nothing would change.
   */
  public boolean trainsChannelsLast() {
    if (spec.channels() < 2 || !forms.isEmpty() || spec.imported()) {
      return false;
    }
    for (WeightLayer l : layers.values()) {
      if (l instanceof Conv2d c) {
        ConvSpec k = c.spec();
        boolean pointwise = k.kernelH() == 1 && k.kernelW() == 1;
        if (k.groups() != 1 || (pointwise && k.strideH() == 1 && k.strideW() == 1)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The factorized layers' forms, by layer name (dense layers are absent). */
  public Map<String, LayerForm> forms() {
    return forms;
  }

  public NDManager manager() {
    return manager;
  }

  public List<Stage> stages() {
    return stages;
  }

  /** Runs every stage. */
  public NDArray forward(NDArray x, boolean training) {
    return forward(0, stages.size(), x, training);
  }

  /** Runs stages {@code from} (inclusive) to {@code to} (exclusive) on {@code x}. */
  public NDArray forward(int from, int to, NDArray x, boolean training) {
    checkRange(from, to);
    NDArray y = x;
    for (int s = from; s < to; s++) {
      y = Module.release(y, stages.get(s).forward(y, training), x);
    }
    return y;
  }

  private void checkRange(int from, int to) {
    if (from < 0 || to > stages.size() || from > to) {
      throw new IllegalArgumentException("stage range " + from + ".." + to + " is outside 0.." + stages.size());
    }
  }

  /**
   * An inference view of this network's weights as they are now, with every batch norm folded
   * into the convolution before it (one convolution with a bias instead of a convolution and a
   * normalization pass; the same function up to float rounding). Stages are folded when first
   * run. Open it after the last edit to the weights and close it when done: it does not see later
   * edits.
   */
  public Inference inference() {
    return new Inference();
  }

  /** See {@link #inference()}. */
  public final class Inference implements AutoCloseable {
    private final NDManager scope = manager.newSubManager();
    private final Stage[] folded = new Stage[stages.size()];

    private Inference() {}

    /** Runs every stage in inference mode. */
    public NDArray forward(NDArray x) {
      return forward(0, stages.size(), x);
    }

    /** Runs stages {@code from} (inclusive) to {@code to} (exclusive) in inference mode. */
    public NDArray forward(int from, int to, NDArray x) {
      checkRange(from, to);
      NDArray y = x;
      for (int s = from; s < to; s++) {
        y = Module.release(y, stage(s).forward(y, false), x);
      }
      return y;
    }

    private Stage stage(int s) {
      if (folded[s] == null) {
        boolean grad = Ops.gradMode(false);
        try {
          folded[s] = stages.get(s).forInference(scope);
        } finally {
          Ops.gradMode(grad);
        }
      }
      return folded[s];
    }

    @Override
    public void close() {
      scope.close();
    }
  }

  /** All parameters and running statistics in {@code state_dict} order. */
  public List<Param> params() {
    return List.copyOf(params.values());
  }

  /** The parameter named {@code name}, or null. */
  public Param param(String name) {
    return params.get(name);
  }

  /** Names of the convolution and linear layers in forward order. */
  public List<String> layerNames() {
    return List.copyOf(layers.keySet());
  }

  /** The layer named {@code name}; the error lists the valid names. */
  public WeightLayer layer(String name) {
    WeightLayer l = layers.get(name);
    if (l == null) {
      throw new InvalidRequestException("no layer '" + name + "' in " + spec.model() + "; its layers are: "
          + String.join(", ", layers.keySet()));
    }
    return l;
  }

  /** Index of the stage that contains layer {@code name}. */
  public int stageOf(String name) {
    layer(name);
    return layerStage.get(name);
  }

  /** One listing row per convolution and linear layer, in forward order. */
  public List<LayerInfo> layerInfos() {
    List<LayerInfo> out = new ArrayList<>();
    layers.forEach((name, l) -> out.add(l.info(stages.get(layerStage.get(name)).name())));
    return out;
  }

  /** A copy of a dense layer's weight, flattened in PyTorch's layout. */
  public float[] weight(String name) {
    return layer(name).weight().array().toFloatArray();
  }

  /** Overwrites a dense layer's weight in place (the array object stays the same). */
  public void setWeight(String name, float[] values) {
    NDArray w = layer(name).weight().array();
    if (values.length != w.size()) {
      throw new IllegalArgumentException("layer " + name + " has " + w.size() + " weights " + w.getShape()
          + ", got " + values.length + " values");
    }
    w.set(values);
  }

  /** Total number of parameters (running statistics excluded). */
  public long parameterCount() {
    return params.values().stream().filter(p -> p.role().trainable()).mapToLong(p -> p.array().size()).sum();
  }

  @Override
  public void close() {
    manager.close();
  }
}
