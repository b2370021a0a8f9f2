package dev.convcut.model;

import ai.djl.ndarray.NDArray;

/** Flattens every axis after the first, {@code (N, C, H, W) → (N, C·H·W)} in row-major order. */
public record Flatten() implements Module {
  @Override
  public NDArray forward(NDArray x, boolean training) {
    return Ops.flatten(x);
  }
}
