package dev.convcut.model;

import ai.djl.ndarray.NDArray;

/** Averages each channel over all pixels and flattens: {@code (N, C, H, W) → (N, C)} (torchvision's head). */
public record GlobalAvgPool() implements Module {
  @Override
  public NDArray forward(NDArray x, boolean training) {
    return Ops.globalAvgPoolFlat(x);
  }
}
