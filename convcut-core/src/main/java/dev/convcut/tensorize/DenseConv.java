package dev.convcut.tensorize;

import dev.convcut.InvalidRequestException;
import dev.convcut.model.Conv2d;
import dev.convcut.model.ConvSpec;
import dev.convcut.model.Network;
import dev.convcut.model.Param;
import dev.convcut.model.WeightLayer;
import dev.convcut.tensor.Kernel;

/**
 * A dense convolution as the factorizer sees it: its name, geometry, input size (for
 * multiply-adds), trained weight {@code (O, I, H, W)} and bias.
 *
 * @param bias the bias, or null when the layer has none
 */
public record DenseConv(String name, ConvSpec spec, int inH, int inW, float[] weight, float[] bias) {

  public DenseConv {
    long n = (long) spec.outChannels() * (spec.inChannels() / spec.groups()) * spec.kernelH() * spec.kernelW();
    if (weight.length != n) {
      throw new IllegalArgumentException("layer " + name + ": " + weight.length + " weights for a kernel of " + n);
    }
    if (spec.bias() != (bias != null)) {
      throw new IllegalArgumentException("layer " + name + ": bias given " + (bias != null) + " but the layer has "
          + (spec.bias() ? "one" : "none"));
    }
  }

  /**
   * Reads layer {@code name} of {@code net}. Refuses, naming the layer, a linear layer and a
   * convolution that is already factorized.
   */
  public static DenseConv of(Network net, String name) {
    WeightLayer layer = net.layer(name);
    if (!(layer instanceof Conv2d conv)) {
      throw new InvalidRequestException("layer " + name + " is a " + layer.kind() + " layer; convcut compress factorizes convolutions only");
    }
    if (!conv.form().isDense()) {
      throw new InvalidRequestException("layer " + name + " is already factorized (" + conv.form().origin()
          + "); compress a checkpoint whose layer " + name + " is dense");
    }
    Param bias = net.param(name + ".bias");
    return new DenseConv(name, conv.spec(), conv.inputHeight(), conv.inputWidth(), conv.weight().array().toFloatArray(),
        bias == null ? null : bias.array().toFloatArray());
  }

  /** The weight as a 4-index kernel. */
  public Kernel kernel() {
    return Kernel.of(weight, spec.outChannels(), spec.inChannels() / spec.groups(), spec.kernelH(), spec.kernelW());
  }

  /** Weights plus bias. */
  public long params() {
    return spec.params();
  }

  /** Multiply-adds per image. */
  public long macs() {
    return spec.macs(spec.outputHeight(inH), spec.outputWidth(inW));
  }

  /** {@code O×I×H×W}. */
  public String shape() {
    return spec.outChannels() + "x" + spec.inChannels() / spec.groups() + "x" + spec.kernelH() + "x" + spec.kernelW();
  }
}
