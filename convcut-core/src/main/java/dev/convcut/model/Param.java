package dev.convcut.model;

import ai.djl.ndarray.NDArray;

/**
 * One named array of a network, named as in PyTorch's {@code state_dict} (e.g.
 * {@code layer3.1.conv2.weight}, {@code bn1.running_var}). The array object keeps its identity
 * for the network's life: training and weight edits change its values in place.
 */
public record Param(String name, NDArray array, Role role) {

  /** What a parameter is, which decides whether it is trained and whether it is decayed. */
  public enum Role {
    WEIGHT, BIAS, NORM_WEIGHT, NORM_BIAS, RUNNING_MEAN, RUNNING_VAR;

    /** Running statistics are state, not parameters: the optimizer never touches them. */
    public boolean trainable() {
      return this != RUNNING_MEAN && this != RUNNING_VAR;
    }

    /** Biases and normalization parameters, which training can exempt from weight decay. */
    public boolean biasOrNorm() {
      return this == BIAS || this == NORM_WEIGHT || this == NORM_BIAS;
    }
  }

  public Param {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a parameter needs a name");
    }
  }

  public long[] shape() {
    return array.getShape().getShape();
  }
}
