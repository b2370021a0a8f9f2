package dev.convcut.tensor.decompose;

/** Reorders the axes of a row-major array, the one reshuffle the decompositions need. */
final class Permutation {
  private Permutation() {}

  /**
   * The array of shape {@code dims[order[0]], dims[order[1]], ...} whose element at {@code (x₀,
   * x₁, ...)} is {@code src} at the position with axis {@code order[k]} equal to {@code x_k}.
   */
  static double[] permute(double[] src, int[] dims, int... order) {
    int n = dims.length;
    int[] srcStride = new int[n];
    int s = 1;
    for (int x = n - 1; x >= 0; x--) {
      srcStride[x] = s;
      s *= dims[x];
    }
    int[] newDims = new int[n];
    int[] stride = new int[n];
    for (int k = 0; k < n; k++) {
      newDims[k] = dims[order[k]];
      stride[k] = srcStride[order[k]];
    }
    double[] dst = new double[src.length];
    int[] pos = new int[n];
    int from = 0;
    for (int to = 0; to < dst.length; to++) {
      dst[to] = src[from];
      for (int k = n - 1; k >= 0; k--) {
        pos[k]++;
        from += stride[k];
        if (pos[k] < newDims[k]) {
          break;
        }
        from -= stride[k] * newDims[k];
        pos[k] = 0;
      }
    }
    return dst;
  }
}
