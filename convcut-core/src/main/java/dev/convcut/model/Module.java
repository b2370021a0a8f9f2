package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** A piece of a network: a function of its input, with the parameters it owns. */
public interface Module {
  /**
   * Computes the output. {@code training} selects batch statistics and active dropout; it does
   * not turn on gradient recording (the trainer does that).
   */
  NDArray forward(NDArray x, boolean training);

  /** The parameters owned by this module and its children, in {@code state_dict} order. */
  default List<Param> params() {
    return List.of();
  }

  /** The convolution and linear layers inside, in order. */
  default List<WeightLayer> weightLayers() {
    return List.of();
  }

  /** {@code x} through {@code modules} one after the other ({@code x} itself when there are none). */
  static NDArray chain(List<? extends Module> modules, NDArray x, boolean training) {
    NDArray y = x;
    for (Module m : modules) {
      y = m.forward(y, training);
    }
    return y;
  }
}
