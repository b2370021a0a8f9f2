package dev.convcut.tensorize;

import ai.djl.ndarray.NDManager;
import dev.convcut.engine.Torch;
import dev.convcut.model.LayerForm;
import dev.convcut.model.Network;

/** libtorch, through DJL: the runtime convcut trains and evaluates with ({@link Latency}). */
public final class TorchRuntime implements InferenceRuntime {
  public static final String NAME = "libtorch";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return Torch.version();
  }

  @Override
  public Latency.Pair model(Network dense, Network compressed, Latency.Settings s) {
    return Latency.model(dense, compressed, s);
  }

  @Override
  public Latency.Pair chain(NDManager parent, DenseConv layer, LayerForm form, Latency.Settings s) {
    return Latency.chain(parent, layer, form, s);
  }
}
