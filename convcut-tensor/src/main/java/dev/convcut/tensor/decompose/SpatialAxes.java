package dev.convcut.tensor.decompose;

/**
 * Which spatial axes of a factor convolution carry the original layer's stride, padding and
 * dilation (docs/science.md: "split by axis"): both for a full kernel, rows for an {@code H×1} kernel,
 * columns for a {@code 1×W} kernel, none for a 1×1 convolution.
 */
public enum SpatialAxes {
  NONE,
  ROWS,
  COLUMNS,
  BOTH
}
