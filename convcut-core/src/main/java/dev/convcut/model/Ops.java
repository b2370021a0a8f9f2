package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The libtorch operations convcut's modules are made of, called directly through DJL's JNI layer:
 * one native call per operation, no DJL block or parameter-store bookkeeping in between. Results
 * belong to the manager of the first input, so a per-batch sub-manager collects every
 * intermediate array of a forward pass.
 */
public final class Ops {
  private Ops() {}

  private static PtNDArray pt(NDArray a) {
    return (PtNDArray) a;
  }

  /** 2-D convolution with {@code spec}'s stride, padding, dilation and groups. */
  public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, ConvSpec spec) {
    if (spec.kernelH() == 1 && spec.kernelW() == 1 && spec.padH() == 0 && spec.padW() == 0
        && (spec.strideH() > 1 || spec.strideW() > 1)) {
      // A strided 1x1 convolution is a stride-1 one on every s-th pixel. libtorch 2.7.1's oneDNN
      // dies with SIGFPE (brgemm 1x1 backward blocking) on some strided 1x1 shapes of ResNet-50's
      // projections on AVX-512 machines; subsampling first avoids that kernel, same numbers.
      NDArray sub = x.get(new NDIndex(":, :, ::{}, ::{}", spec.strideH(), spec.strideW()));
      return JniUtils.convolution(pt(sub), pt(weight), bias == null ? null : pt(bias), new Shape(1, 1), new Shape(0, 0),
          new Shape(1, 1), spec.groups());
    }
    return JniUtils.convolution(pt(x), pt(weight), bias == null ? null : pt(bias),
        new Shape(spec.strideH(), spec.strideW()), new Shape(spec.padH(), spec.padW()),
        new Shape(spec.dilationH(), spec.dilationW()), spec.groups());
  }

  /**
   * {@link #conv2d} computed in double precision and returned in float32: libtorch runs
   * double-precision convolutions with its own kernels instead of oneDNN's (see
   * {@link Conv2d#THIN_CHANNELS}). Differentiable like any other operation.
   */
  public static NDArray conv2dDouble(NDArray x, NDArray weight, NDArray bias, ConvSpec spec) {
    // The double copies live as long as the activations (the step's manager), not as the weights.
    NDArray w = weight.toType(DataType.FLOAT64, false);
    w.attach(x.getManager());
    NDArray b = null;
    if (bias != null) {
      b = bias.toType(DataType.FLOAT64, false);
      b.attach(x.getManager());
    }
    NDArray y = conv2d(x.toType(DataType.FLOAT64, false), w, b, spec);
    return y.toType(DataType.FLOAT32, false);
  }

  /**
   * Batch normalization with PyTorch's semantics: in training, normalize by batch statistics and
   * update the running ones in place ({@code running = (1-momentum)·running + momentum·batch});
   * otherwise normalize by the running statistics.
   */
  public static NDArray batchNorm(NDArray x, NDArray gamma, NDArray beta, NDArray runningMean, NDArray runningVar,
      boolean training, double momentum, double eps) {
    // JniUtils names its parameters (input, gamma, beta, mean, var) but hands them to libtorch in
    // the order (input, running_mean, running_var, weight, bias): pass them in libtorch's order.
    return JniUtils.batchNorm(pt(x), pt(runningMean), pt(runningVar), pt(gamma), pt(beta), training, momentum, eps);
  }

  /** {@code x·Wᵀ + b}. */
  public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
    return JniUtils.linear(pt(x), pt(weight), bias == null ? null : pt(bias));
  }

  public static NDArray relu(NDArray x) {
    return JniUtils.relu(pt(x));
  }

  public static NDArray maxPool(NDArray x, int kernel, int stride, int padding) {
    return JniUtils.maxPool(pt(x), new Shape(kernel, kernel), new Shape(stride, stride), new Shape(padding, padding), false);
  }

  /** Global average pooling to 1×1, then flattening to {@code (N, C)}. */
  public static NDArray globalAvgPoolFlat(NDArray x) {
    NDArray pooled = JniUtils.adaptiveAvgPool(pt(x), new Shape(1, 1));
    return JniUtils.flatten(pt(pooled), 1, -1);
  }

  /** Flattens every axis after the first. */
  public static NDArray flatten(NDArray x) {
    return JniUtils.flatten(pt(x), 1, -1);
  }

  /** Inverted dropout (scaled by 1/(1-p) in training), the identity otherwise. */
  public static NDArray dropout(NDArray x, double p, boolean training) {
    return training && p > 0 ? JniUtils.dropout(pt(x), p, true) : x;
  }

  public static NDArray add(NDArray a, NDArray b) {
    return JniUtils.add(pt(a), pt(b));
  }

  /** Turns autograd recording on or off for this thread; returns the previous setting. */
  public static boolean gradMode(boolean enabled) {
    boolean was = JniUtils.isGradMode();
    JniUtils.setGradMode(enabled);
    return was;
  }

  /** Clears the gradient accumulated in {@code weight} (PyTorch adds gradients up across backward passes). */
  public static void zeroGrad(NDArray weight) {
    JniUtils.zeroGrad(pt(weight));
  }

  /** Seeds libtorch's random generator (dropout masks). */
  public static void seedTorch(long seed) {
    JniUtils.setSeed(seed);
  }
}
