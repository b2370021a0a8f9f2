package dev.convcut.tensor.decompose;

import dev.convcut.tensor.Kernel;

/**
 * One convolution of a factorized layer: its weight {@code (out, in/groups, kh, kw)} (or {@code
 * (out, in)} for a fully connected factor), its group count, and which spatial axes carry the
 * original stride, padding and dilation. Only the last factor of a chain carries the bias.
 */
public record ConvFactor(Kernel weight, int groups, SpatialAxes axes) {

  public ConvFactor {
    if (groups < 1) {
      throw new IllegalArgumentException("groups must be ≥ 1, got " + groups);
    }
    int out = weight.shape()[0];
    if (out % groups != 0) {
      throw new IllegalArgumentException("weight " + weight.shapeString() + " has " + out + " output channels, not a multiple of "
          + groups + " groups");
    }
    if (weight.order() == 2 && (groups != 1 || axes != SpatialAxes.NONE)) {
      throw new IllegalArgumentException("a fully connected factor has one group and no spatial axes");
    }
  }

  /** A dense factor (one group). */
  public static ConvFactor dense(Kernel weight, SpatialAxes axes) {
    return new ConvFactor(weight, 1, axes);
  }

  /** Input channels the factor takes: {@code in/groups × groups}. */
  public int inChannels() {
    return weight.shape()[1] * groups;
  }

  public int outChannels() {
    return weight.shape()[0];
  }

  /** Its parameter count (weights only). */
  public long parameters() {
    return weight.size();
  }
}
