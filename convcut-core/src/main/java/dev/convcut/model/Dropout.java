package dev.convcut.model;

import ai.djl.ndarray.NDArray;

/** Inverted dropout with probability {@code p} in training; the identity in inference. */
public record Dropout(double p) implements Module {
  public Dropout {
    if (p < 0 || p >= 1) {
      throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
    }
  }

  @Override
  public NDArray forward(NDArray x, boolean training) {
    return Ops.dropout(x, p, training);
  }
}
