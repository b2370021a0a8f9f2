package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * A residual block, {@code relu(body(x) + shortcut(x))}: torchvision's {@code BasicBlock} (two
 * 3×3 convolutions) or {@code Bottleneck} (1×1, 3×3 with the stride, 1×1 expanding by 4), with a
 * 1×1 projection {@code downsample} when the shape changes.
 */
public final class ResidualBlock implements Stage {
  private final String name;
  private final List<Module> body;
  private final List<Module> downsample;

  private ResidualBlock(String name, List<Module> body, List<Module> downsample) {
    this.name = name;
    this.body = List.copyOf(body);
    this.downsample = List.copyOf(downsample);
  }

  /** Output channels of a block of {@code kind} whose inner width is {@code width}. */
  public static int outChannels(boolean bottleneck, int width) {
    return bottleneck ? width * 4 : width;
  }

  /**
   * Builds a block named {@code name} (e.g. {@code layer2.0}) on an input of {@code in}
   * channels and {@code size×size} pixels.
   */
  public static ResidualBlock build(String name, boolean bottleneck, int in, int width, int stride, int size,
      LayerFactory f) {
    List<Module> body = new ArrayList<>();
    int out = outChannels(bottleneck, width);
    int[] hw = {size, size};
    if (bottleneck) {
      conv(body, name + ".conv1", ConvSpec.square(in, width, 1, 1, 0, false), hw, f);
      body.add(new Relu());
      conv(body, name + ".conv2", ConvSpec.square(width, width, 3, stride, 1, false), hw, f);
      body.add(new Relu());
      conv(body, name + ".conv3", ConvSpec.square(width, out, 1, 1, 0, false), hw, f);
    } else {
      conv(body, name + ".conv1", ConvSpec.square(in, width, 3, stride, 1, false), hw, f);
      body.add(new Relu());
      conv(body, name + ".conv2", ConvSpec.square(width, width, 3, 1, 1, false), hw, f);
    }
    List<Module> shortcut = new ArrayList<>();
    if (stride != 1 || in != out) {
      shortcut.add(f.conv(name + ".downsample.0", ConvSpec.square(in, out, 1, stride, 0, false), size, size));
      shortcut.add(f.batchNorm(name + ".downsample.1", out));
    }
    return new ResidualBlock(name, body, shortcut);
  }

  /** Adds a convolution and the batch norm that follows it ({@code convK} → {@code bnK}). */
  private static void conv(List<Module> body, String convName, ConvSpec spec, int[] hw, LayerFactory f) {
    Conv2d c = f.conv(convName, spec, hw[0], hw[1]);
    body.add(c);
    body.add(f.batchNorm(convName.replaceFirst("conv(\\d)$", "bn$1"), spec.outChannels()));
    hw[0] = c.outputHeight();
    hw[1] = c.outputWidth();
  }

  @Override
  public String name() {
    return name;
  }

  /** The main path's modules in order (convolutions, batch norms, ReLUs), without the final ReLU. */
  public List<Module> body() {
    return body;
  }

  /** The projection shortcut's modules (a 1×1 convolution and a batch norm), empty for the identity. */
  public List<Module> downsample() {
    return downsample;
  }

  @Override
  public NDArray forward(NDArray x, boolean training) {
    // In place, as torchvision's `out += identity`: the body's output is fresh and no backward
    // pass needs it (batch normalization's backward keeps its input, not its output).
    NDArray sum = Module.chain(body, x, training);
    NDArray shortcut = Module.chain(downsample, x, training);
    Ops.addInPlace(sum, shortcut);
    Module.release(shortcut, sum, x); // the projection's output, once added (x itself for the identity)
    return Module.release(sum, Ops.relu(sum), x);
  }

  @Override
  public Stage forInference(NDManager scope) {
    return new ResidualBlock(name, Stage.foldBatchNorms(body, scope), Stage.foldBatchNorms(downsample, scope));
  }

  @Override
  public List<Param> params() {
    List<Param> out = new ArrayList<>();
    body.forEach(m -> out.addAll(m.params()));
    downsample.forEach(m -> out.addAll(m.params()));
    return out;
  }

  @Override
  public List<WeightLayer> weightLayers() {
    List<WeightLayer> out = new ArrayList<>();
    body.forEach(m -> out.addAll(m.weightLayers()));
    downsample.forEach(m -> out.addAll(m.weightLayers()));
    return out;
  }
}
