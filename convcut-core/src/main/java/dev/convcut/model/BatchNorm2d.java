package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** PyTorch's {@code BatchNorm2d} (momentum 0.1, eps 1e-5, affine, running statistics). */
public final class BatchNorm2d implements Module {
  static final double MOMENTUM = 0.1;
  /** The ε added to the variance, PyTorch's default. */
  public static final double EPS = 1e-5;
  private final Param weight;
  private final Param bias;
  private final Param mean;
  private final Param var;
  private final double eps;

  public BatchNorm2d(String name, int channels, Init init) {
    this(name, channels, EPS, init);
  }

  /** A batch norm adding {@code eps} to the variance (an imported graph's own ε). */
  public BatchNorm2d(String name, int channels, double eps, Init init) {
    if (!(eps > 0)) {
      throw new IllegalArgumentException("batch norm " + name + ": epsilon must be > 0, got " + eps);
    }
    this.eps = eps;
    long[] shape = {channels};
    weight = new Param(name + ".weight", init.constant(shape, 1f), Param.Role.NORM_WEIGHT);
    bias = new Param(name + ".bias", init.constant(shape, 0f), Param.Role.NORM_BIAS);
    mean = new Param(name + ".running_mean", init.constant(shape, 0f), Param.Role.RUNNING_MEAN);
    var = new Param(name + ".running_var", init.constant(shape, 1f), Param.Role.RUNNING_VAR);
  }

  @Override
  public NDArray forward(NDArray x, boolean training) {
    return Ops.batchNorm(x, weight.array(), bias.array(), mean.array(), var.array(), training, MOMENTUM, eps);
  }

  /**
   * Folds this normalization, in inference mode, into the convolution before it: with
   * {@code s = γ / √(σ² + ε)} per output channel, returns {@code {W·s, β − μ·s + b·s}} as new
   * arrays in {@code scope} (of {@code w}'s type; {@code b} may be null). Computed in double.
   */
  public NDArray[] foldInto(NDArray w, NDArray b, NDManager scope) {
    double[] gamma = values(weight.array());
    double[] beta = values(bias.array());
    double[] mu = values(mean.array());
    double[] sigma2 = values(var.array());
    double[] kernel = values(w);
    Shape shape = w.getShape();
    int channels = gamma.length;
    if (shape.get(0) != channels || (b != null && b.size() != channels)) {
      throw new IllegalArgumentException("cannot fold " + channels + " normalized channels into a convolution of weight "
          + shape + (b == null ? "" : " and bias " + b.getShape()));
    }
    double[] bOld = b == null ? new double[channels] : values(b);
    double[] bNew = new double[channels];
    int per = kernel.length / channels;
    for (int c = 0; c < channels; c++) {
      double s = gamma[c] / Math.sqrt(sigma2[c] + eps);
      bNew[c] = beta[c] - mu[c] * s + bOld[c] * s;
      for (int i = c * per; i < (c + 1) * per; i++) {
        kernel[i] *= s;
      }
    }
    return new NDArray[] {create(scope, kernel, shape, w.getDataType()), create(scope, bNew, new Shape(channels), w.getDataType())};
  }

  private static double[] values(NDArray a) {
    try (NDArray d = a.toType(DataType.FLOAT64, true)) {
      return d.toDoubleArray();
    }
  }

  private static NDArray create(NDManager scope, double[] values, Shape shape, DataType type) {
    NDArray d = scope.create(values, shape);
    if (type == DataType.FLOAT64) {
      return d;
    }
    try (d) {
      return d.toType(type, true);
    }
  }

  /** The ε added to the variance. */
  public double eps() {
    return eps;
  }

  @Override
  public List<Param> params() {
    return List.of(weight, bias, mean, var);
  }
}
