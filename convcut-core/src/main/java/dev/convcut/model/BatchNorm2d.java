package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** PyTorch's {@code BatchNorm2d} (momentum 0.1, eps 1e-5, affine, running statistics). */
public final class BatchNorm2d implements Module {
  static final double MOMENTUM = 0.1;
  static final double EPS = 1e-5;
  private final Param weight;
  private final Param bias;
  private final Param mean;
  private final Param var;

  public BatchNorm2d(String name, int channels, Init init) {
    long[] shape = {channels};
    weight = new Param(name + ".weight", init.constant(shape, 1f), Param.Role.NORM_WEIGHT);
    bias = new Param(name + ".bias", init.constant(shape, 0f), Param.Role.NORM_BIAS);
    mean = new Param(name + ".running_mean", init.constant(shape, 0f), Param.Role.RUNNING_MEAN);
    var = new Param(name + ".running_var", init.constant(shape, 1f), Param.Role.RUNNING_VAR);
  }

  @Override
  public NDArray forward(NDArray x, boolean training) {
    return Ops.batchNorm(x, weight.array(), bias.array(), mean.array(), var.array(), training, MOMENTUM, EPS);
  }

  @Override
  public List<Param> params() {
    return List.of(weight, bias, mean, var);
  }
}
