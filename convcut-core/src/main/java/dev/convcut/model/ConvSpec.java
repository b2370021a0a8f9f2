package dev.convcut.model;

import java.util.List;

/**
 * The geometry of one 2-D convolution, in PyTorch's terms: weight shape
 * {@code (outChannels, inChannels/groups, kernelH, kernelW)}, stride, padding and dilation per
 * axis (rows, columns), groups, and whether it adds a bias.
 */
public record ConvSpec(int inChannels, int outChannels, int kernelH, int kernelW, int strideH, int strideW,
    int padH, int padW, int dilationH, int dilationW, int groups, boolean bias) {

  public ConvSpec {
    positive("inChannels", inChannels);
    positive("outChannels", outChannels);
    positive("kernelH", kernelH);
    positive("kernelW", kernelW);
    positive("strideH", strideH);
    positive("strideW", strideW);
    positive("dilationH", dilationH);
    positive("dilationW", dilationW);
    positive("groups", groups);
    if (padH < 0 || padW < 0) {
      throw new IllegalArgumentException("padding must be >= 0, got " + padH + "x" + padW);
    }
    if (inChannels % groups != 0 || outChannels % groups != 0) {
      throw new IllegalArgumentException("groups=" + groups + " must divide inChannels=" + inChannels
          + " and outChannels=" + outChannels);
    }
  }

  /** A square convolution with the same stride, padding and dilation on both axes. */
  public static ConvSpec square(int in, int out, int kernel, int stride, int padding, boolean bias) {
    return new ConvSpec(in, out, kernel, kernel, stride, stride, padding, padding, 1, 1, 1, bias);
  }

  private static void positive(String field, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(field + " must be >= 1, got " + v);
    }
  }

  /** The weight's shape {@code (O, I/groups, H, W)}. */
  public long[] weightShape() {
    return new long[] {outChannels, inChannels / groups, kernelH, kernelW};
  }

  /** Number of weights plus biases. */
  public long params() {
    return (long) outChannels * (inChannels / groups) * kernelH * kernelW + (bias ? outChannels : 0);
  }

  /** Output height for an input of {@code h} rows (PyTorch's floor formula). */
  public int outputHeight(int h) {
    return out(h, kernelH, strideH, padH, dilationH);
  }

  /** Output width for an input of {@code w} columns. */
  public int outputWidth(int w) {
    return out(w, kernelW, strideW, padW, dilationW);
  }

  private static int out(int in, int k, int s, int p, int d) {
    return Math.floorDiv(in + 2 * p - d * (k - 1) - 1, s) + 1;
  }

  /** Multiply-adds for one image whose output is {@code outH x outW}. */
  public long macs(int outH, int outW) {
    return (long) outH * outW * outChannels * (inChannels / groups) * kernelH * kernelW;
  }

  /** Stride, padding, dilation as [rows, columns] lists (for JSON and listings). */
  public List<Integer> stride() {
    return List.of(strideH, strideW);
  }

  public List<Integer> padding() {
    return List.of(padH, padW);
  }

  public List<Integer> dilation() {
    return List.of(dilationH, dilationW);
  }
}
