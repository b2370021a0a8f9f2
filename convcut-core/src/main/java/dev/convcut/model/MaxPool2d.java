package dev.convcut.model;

import ai.djl.ndarray.NDArray;

/**
 * PyTorch's {@code MaxPool2d(kernel, stride, padding)} with square windows, floor rounding
 * ({@code ceil_mode=False}), dilation 1; padded cells never win (they count as −∞).
 */
public record MaxPool2d(int kernel, int stride, int padding) implements Module {
  public MaxPool2d {
    if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
      throw new IllegalArgumentException("max-pool needs kernel >= 1, stride >= 1 and 0 <= padding <= kernel/2, got "
          + kernel + ", " + stride + ", " + padding);
    }
  }

  @Override
  public NDArray forward(NDArray x, boolean training) {
    return Ops.maxPool(x, kernel, stride, padding);
  }
}
