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
      y = release(y, m.forward(y, training), x);
    }
    return y;
  }

  /**
   * Closes {@code used}, an intermediate result that {@code next} was computed from, unless it is
   * the caller's {@code input} or {@code next} itself, and returns {@code next}. An intermediate
   * nobody holds any more is then freed at once, as PyTorch frees a tensor when its last reference
   * goes, instead of when the step's manager closes: a forward pass then holds the few arrays it
   * is working on, not every activation. What the backward pass needs stays alive, held by
   * libtorch's autograd graph.
   */
  static NDArray release(NDArray used, NDArray next, NDArray input) {
    if (used != input && used != next) {
      used.close();
    }
    return next;
  }
}
