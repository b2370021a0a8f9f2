package dev.convcut.model;

import ai.djl.ndarray.NDManager;
import dev.convcut.model.graph.GraphNetworks;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds networks: an architecture of the registry ({@link Architectures}: convcut's zoo, built
 * exactly as the PyTorch reference definitions with the names and shapes of torchvision's {@code
 * state_dict}, and any registered one) by name, or an imported graph ({@link ModelSpec#graph()})
 * by {@link GraphNetworks}.
 */
public final class ModelZoo {
  private ModelZoo() {}

  /** A freshly initialized dense network. */
  public static Network build(ModelSpec spec, NDManager parent, long seed) {
    return build(spec, Map.of(), parent, seed);
  }

  /**
   * A freshly initialized network whose convolutions named in {@code forms} take those forms.
   * The network's arrays live in a new sub-manager of {@code parent}, closed with the network.
   */
  public static Network build(ModelSpec spec, Map<String, LayerForm> forms, NDManager parent, long seed) {
    return build(spec, forms, parent, m -> new Init(m, seed));
  }

  /**
   * As {@link #build(ModelSpec, Map, NDManager, long)}, its parameters allocated but not
   * initialized, for weights loaded right after ({@code StateDict.load}): no initial values drawn
   * in Java nor written into memory that the loaded weights replace.
   */
  public static Network forLoading(ModelSpec spec, Map<String, LayerForm> forms, NDManager parent) {
    return build(spec, forms, parent, Init::uninitialized);
  }

  private static Network build(ModelSpec spec, Map<String, LayerForm> forms, NDManager parent, Function<NDManager, Init> init) {
    if (spec.imported()) {
      return GraphNetworks.build(spec, forms, parent, init);
    }
    ZooArchitecture arch = architecture(spec.model());
    NDManager manager = parent.newSubManager();
    try {
      LayerFactory f = new LayerFactory(init.apply(manager), forms, arch.torchvisionInit());
      List<Stage> stages = arch.stages(spec, f);
      f.checkAllFormsUsed();
      return new Network(spec, forms, stages, manager);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The registered architecture named {@code model}; refuses an unknown name, listing the known ones. */
  public static ZooArchitecture architecture(String model) {
    ZooArchitecture a = Architectures.find(model);
    if (a == null) {
      throw new IllegalArgumentException("unknown model '" + model + "'; known: " + String.join(", ", Architectures.names()));
    }
    return a;
  }
}
