package dev.convcut.model;

import ai.djl.ndarray.NDArray;

/** {@code max(x, 0)} element-wise; a named module, so exporters can see what a stage does. */
public record Relu() implements Module {
  @Override
  public NDArray forward(NDArray x, boolean training) {
    return Ops.relu(x);
  }
}
