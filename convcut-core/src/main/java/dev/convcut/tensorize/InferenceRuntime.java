package dev.convcut.tensorize;

import ai.djl.ndarray.NDManager;
import dev.convcut.InvalidRequestException;
import dev.convcut.model.LayerForm;
import dev.convcut.model.Network;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A runtime that can time a dense and a compressed network, or one layer's dense convolution
 * against a factor chain, side by side ({@link Latency#alternate}): libtorch, which convcut
 * computes with, and the runtimes users deploy on (ONNX Runtime). Implementations are found with
 * {@link ServiceLoader} (listed in {@code META-INF/services}), so adding a runtime is a one-place
 * change. Every runtime runs on libtorch's intra-op thread count.
 */
public interface InferenceRuntime {
  /** The name users pick it by, e.g. {@code libtorch}, {@code onnxruntime}. */
  String name();

  /** The runtime's version, for provenance. */
  String version();

  /** Whole-network latency of {@code dense} and {@code compressed} on one random batch of their input shape. */
  Latency.Pair model(Network dense, Network compressed, Latency.Settings s);

  /**
   * One layer on its own: a dense convolution of {@code layer}'s geometry against the chain of
   * {@code form}, random weights (the time does not depend on the values), a random batch of the
   * layer's input shape.
   */
  Latency.Pair chain(NDManager parent, DenseConv layer, LayerForm form, Latency.Settings s);

  /** Every runtime on the class path, libtorch first. */
  static List<InferenceRuntime> all() {
    return ServiceLoader.load(InferenceRuntime.class, InferenceRuntime.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).toList();
  }

  /** The runtime called {@code name}; a usage error naming the known ones otherwise. */
  static InferenceRuntime named(String name) {
    List<InferenceRuntime> all = all();
    return all.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new InvalidRequestException(
        "unknown runtime '" + name + "'; known: " + String.join(", ", all.stream().map(InferenceRuntime::name).toList())));
  }
}
