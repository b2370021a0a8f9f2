package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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

  /** Whether every element of {@code a} is finite. */
  public static boolean allFinite(NDArray a) {
    try (NDArray bad = a.isInfinite().logicalOr(a.isNaN()); NDArray any = bad.any()) {
      return !any.getBoolean();
    }
  }

  /** 2-D convolution with {@code spec}'s stride, padding, dilation and groups, for inference. */
  public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, ConvSpec spec) {
    return conv2d(x, weight, bias, spec, false);
  }

  /**
   * 2-D convolution with {@code spec}'s stride, padding, dilation and groups; {@code training}
   * when a backward pass to {@code x} will follow (it decides how channels are padded, see
   * {@link #CHANNEL_MULTIPLE}).
   */
  public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, ConvSpec spec, boolean training) {
    Shape ws = weight.getShape();
    long cout = ws.get(0);
    long cin = ws.get(1);
    // Input gradients (the backward pass to x) are wrong for outputs of any count that is not a
    // multiple of 16; inference needs padding only above 8.
    boolean padOut = needsChannelPadding(cout) || (training && cout % CHANNEL_MULTIPLE != 0);
    boolean strided = spec.strideH() > 1 || spec.strideW() > 1;
    long pin = training && strided ? paddedStrided(cin) : padded(cin);
    if (spec.groups() == 1 && (spec.kernelH() > 1 || spec.kernelW() > 1) && x.getDataType() == DataType.FLOAT32
        && (pin > cin || padOut)) {
      // Zero channels with zero weights: the same sums, over channel counts the kernels get right.
      // The padded copies live with the activations (x's manager), not with the weights.
      NDManager scope = x.getManager();
      long pout = padOut ? roundUp(cout, CHANNEL_MULTIPLE) : cout;
      Shape xs = x.getShape();
      if (pin > cin) {
        x = x.concat(scope.zeros(new Shape(xs.get(0), pin - cin, xs.get(2), xs.get(3))), 1);
        weight = weight.concat(scope.zeros(new Shape(cout, pin - cin, ws.get(2), ws.get(3))), 1);
        weight.attach(scope);
      }
      if (pout > cout) {
        weight = weight.concat(scope.zeros(new Shape(pout - cout, pin, ws.get(2), ws.get(3))), 0);
        weight.attach(scope);
        if (bias != null) {
          bias = bias.concat(scope.zeros(new Shape(pout - cout)), 0);
          bias.attach(scope);
        }
        return unpadded(x, weight, bias, spec).get(new NDIndex(":, 0:{}", cout));
      }
    }
    return unpadded(x, weight, bias, spec);
  }

  /**
   * Channel multiple that libtorch 2.7.1's float32 convolutions need. Measured on the development
   * machine (AMD EPYC, AVX-512; docs/compress.md, "Numerics"): a spatial (non-1×1)
   * convolution whose input channel count C exceeds the vector width W and is not a multiple of
   * it returns wrong values — 20 to 60 % relative error, sometimes NaN — in every pass, with W =
   * 16 under the default AVX-512 kernels and W = 8 under AVX2; its input gradient is wrong in the
   * same way when the output channel count is such a number, or any count that is not a multiple
   * of 16 (3, 8) under a wide input. Counts of at most 8 (forward) and multiples of 16 are right
   * under both. Dense models rarely have such channel counts; factorized layers
   * often do (a rank of 20).
   */
  static final int CHANNEL_MULTIPLE = 16;

  /** Whether a float32 spatial convolution with {@code channels} inputs or outputs is padded to be right. */
  static boolean needsChannelPadding(long channels) {
    return channels > 8 && channels % CHANNEL_MULTIPLE != 0;
  }

  private static long padded(long channels) {
    return needsChannelPadding(channels) ? roundUp(channels, CHANNEL_MULTIPLE) : channels;
  }

  private static long roundUp(long channels, int multiple) {
    return (channels + multiple - 1) / multiple * multiple;
  }

  /**
   * Input channels for a strided spatial convolution that a backward pass will follow: above 16,
   * a multiple of 32. With the default AVX-512 kernels, stride-2 convolutions on 48, 80, 112, 144
   * or 176 input channels (16 times an odd number) return wrong input gradients — 10 to 60 %
   * error in every pass — while 16, 32, 64, 96, 128, 160 and 192 are right (measured on the
   * development machine, docs/compress.md "Numerics").
   */
  static long paddedStrided(long channels) {
    return channels <= CHANNEL_MULTIPLE ? padded(channels) : roundUp(channels, 2 * CHANNEL_MULTIPLE);
  }

  private static NDArray unpadded(NDArray x, NDArray weight, NDArray bias, ConvSpec spec) {
    if (spec.kernelH() == 1 && spec.kernelW() == 1 && spec.padH() == 0 && spec.padW() == 0
        && (spec.strideH() > 1 || spec.strideW() > 1)) {
      // A strided 1x1 convolution is a stride-1 one on every s-th pixel. libtorch 2.7.1's oneDNN
      // dies with SIGFPE (brgemm 1x1 backward blocking) on some strided 1x1 shapes of ResNet-50's
      // projections on AVX-512 machines; subsampling first avoids that kernel, same numbers.
      // The subsampled pixels are copied into NCHW order even when x is channels-last: oneDNN's
      // channels-last 1x1 forward kernel dies the same way on ResNet-50's shapes.
      NDArray sub = nchw(x.get(new NDIndex(":, :, ::{}, ::{}", spec.strideH(), spec.strideW())));
      return JniUtils.convolution(pt(sub), pt(weight), bias == null ? null : pt(bias), new Shape(1, 1), new Shape(0, 0),
          new Shape(1, 1), spec.groups());
    }
    return JniUtils.convolution(pt(x), pt(weight), bias == null ? null : pt(bias),
        new Shape(spec.strideH(), spec.strideW()), new Shape(spec.padH(), spec.padW()),
        new Shape(spec.dilationH(), spec.dilationW()), spec.groups());
  }

  /**
   * {@code x} (N×C×H×W) with the same shape and values but stored channels-last (NHWC), as
   * PyTorch's {@code x.to(memory_format=torch.channels_last)}: libtorch's convolutions, batch norms
   * and pointwise operations then keep that layout, and oneDNN skips its per-convolution reorders.
   * One copy; differentiable.
   */
  public static NDArray channelsLast(NDArray x) {
    Shape s = x.getShape();
    NDArray nhwc = JniUtils.reshape(JniUtils.permute(pt(x), new long[] {0, 2, 3, 1}), new long[] {s.get(0), -1});
    return JniUtils.permute(JniUtils.reshape(pt(nhwc), new long[] {s.get(0), s.get(2), s.get(3), s.get(1)}),
        new long[] {0, 3, 1, 2});
  }

  /** A contiguous N×C×H×W copy of a view (a reshape of the flattened view, which copies in logical order). */
  private static NDArray nchw(NDArray x) {
    Shape s = x.getShape();
    return JniUtils.reshape(JniUtils.flatten(pt(x), 1, -1), s.getShape());
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

  /** {@code a += b}; returns {@code a}. {@code a} must be an intermediate that nothing else reads afterwards. */
  public static NDArray addInPlace(NDArray a, NDArray b) {
    JniUtils.addi(pt(a), pt(b));
    return a;
  }

  /** Max pooling with rectangular windows and padding per axis ({@code [rows, columns]}); padded cells never win. */
  public static NDArray maxPool(NDArray x, int[] kernel, int[] stride, int[] padding, boolean ceil) {
    return JniUtils.maxPool(pt(x), shape(kernel), shape(stride), shape(padding), ceil);
  }

  /** Average pooling; {@code countIncludePad} divides by the whole window, padding included. */
  public static NDArray avgPool(NDArray x, int[] kernel, int[] stride, int[] padding, boolean ceil, boolean countIncludePad) {
    return JniUtils.avgPool(pt(x), shape(kernel), shape(stride), shape(padding), ceil, countIncludePad);
  }

  /** Averages each channel over all pixels, keeping {@code (N, C, 1, 1)}. */
  public static NDArray globalAvgPool(NDArray x) {
    return JniUtils.adaptiveAvgPool(pt(x), new Shape(1, 1));
  }

  /** Pads the last two axes by {@code [left, right, top, bottom]} cells of {@code value}. */
  public static NDArray pad(NDArray x, long[] leftRightTopBottom, double value) {
    return JniUtils.pad(pt(x), leftRightTopBottom, value);
  }

  /** {@code x} reshaped to {@code (N, perSample...)}, keeping the batch axis. */
  public static NDArray reshapeBatch(NDArray x, long[] perSample) {
    long[] shape = new long[perSample.length + 1];
    shape[0] = x.getShape().get(0);
    System.arraycopy(perSample, 0, shape, 1, perSample.length);
    return JniUtils.reshape(pt(x), shape);
  }

  private static Shape shape(int[] v) {
    return new Shape(java.util.Arrays.stream(v).mapToLong(i -> i).toArray());
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
