package dev.convcut.tensor;

import dev.convcut.tensor.linalg.Matrix;
import dev.convcut.tensor.linalg.TestMatrices;
import java.util.Random;

/** Kernels for tests, from a fixed seed. */
public final class TestKernels {
  private TestKernels() {}

  public static Kernel gaussian(Random rng, int... shape) {
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    double[] data = new double[size];
    for (int k = 0; k < size; k++) {
      data[k] = rng.nextGaussian();
    }
    return Kernel.of(data, shape);
  }

  /** A kernel whose singular values along {@code cut} are exactly {@code s} (padded with zeros). */
  public static Kernel withSingularValues(Random rng, Cut cut, int[] shape, double... s) {
    Kernel template = Kernel.zeros(shape);
    Matrix m = TestMatrices.withSingularValues(rng, cut.rows(template), cut.cols(template), s);
    return cut.fold(m, shape);
  }

  /** {@code kernel} multiplied by {@code factor}. */
  public static Kernel scaled(Kernel kernel, double factor) {
    double[] d = kernel.toDoubleArray();
    for (int k = 0; k < d.length; k++) {
      d[k] *= factor;
    }
    return Kernel.of(d, kernel.shape());
  }
}
