package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** A fully connected layer with PyTorch's default initialization; weight shape {@code (out, in)}. */
public final class Linear implements WeightLayer {
  private final String name;
  private final int in;
  private final int out;
  private final Param weight;
  private final Param bias;

  public Linear(String name, int in, int out, Init init) {
    this.name = name;
    this.in = in;
    this.out = out;
    double bound = 1 / Math.sqrt(in);
    this.weight = new Param(name + ".weight", init.uniform(name + ".weight", new long[] {out, in}, bound), Param.Role.WEIGHT);
    this.bias = new Param(name + ".bias", init.uniform(name + ".bias", new long[] {out}, bound), Param.Role.BIAS);
  }

  @Override
  public NDArray forward(NDArray x, boolean training) {
    return Ops.linear(x, weight.array(), bias.array());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LayerKind kind() {
    return LayerKind.LINEAR;
  }

  @Override
  public Param weight() {
    return weight;
  }

  @Override
  public List<Param> params() {
    return List.of(weight, bias);
  }

  @Override
  public List<WeightLayer> weightLayers() {
    return List.of(this);
  }

  @Override
  public LayerInfo info(String stage) {
    return new LayerInfo(name, kind(), stage, List.of((long) out, (long) in), List.of(1, 1), List.of(0, 0), List.of(1, 1),
        1, true, List.of(1, 1), List.of(1, 1), (long) out * in + out, (long) out * in, LayerForm.Kind.DENSE);
  }
}
