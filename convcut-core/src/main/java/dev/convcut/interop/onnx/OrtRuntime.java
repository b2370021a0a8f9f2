package dev.convcut.interop.onnx;

import ai.djl.ndarray.NDManager;
import dev.convcut.engine.Torch;
import dev.convcut.model.LayerForm;
import dev.convcut.model.Network;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.InferenceRuntime;
import dev.convcut.tensorize.Latency;

/**
 * ONNX Runtime's CPU provider ({@link OrtLatency}), on as many intra-op threads as libtorch has:
 * the runtime a compressed model is deployed on.
 */
public final class OrtRuntime implements InferenceRuntime {
  public static final String NAME = "onnxruntime";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return OrtModel.version();
  }

  @Override
  public Latency.Pair model(Network dense, Network compressed, Latency.Settings s) {
    return OrtLatency.model(dense, compressed, s, Torch.threads());
  }

  @Override
  public Latency.Pair chain(NDManager parent, DenseConv layer, LayerForm form, Latency.Settings s) {
    return OrtLatency.chain(parent, layer, form, s, Torch.threads());
  }
}
