package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.convcut.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolution slot: a named layer with a fixed outer geometry (channels in and out, and the
 * spatial map from input to output) whose implementation is a {@link LayerForm}: one dense
 * convolution, or a factorized sequence of convolutions that replaces it.
 */
public final class Conv2d implements WeightLayer {
  private final String name;
  private final ConvSpec spec;
  private final int inH;
  private final int inW;
  private final LayerForm form;
  private final List<Param> params = new ArrayList<>();
  private final List<ConvSpec> convs;
  private final List<NDArray> weights = new ArrayList<>();
  private final List<NDArray> biases = new ArrayList<>();

  /**
   * @param init creates the parameters; {@code torchvisionInit} selects kaiming-normal (fan out)
   *     instead of PyTorch's default uniform initialization
   */
  public Conv2d(String name, ConvSpec spec, int inH, int inW, LayerForm form, Init init, boolean torchvisionInit) {
    this.name = name;
    this.spec = spec;
    this.inH = inH;
    this.inW = inW;
    this.form = form == null ? LayerForm.dense() : form;
    this.convs = this.form.isDense() ? List.of(spec) : this.form.factors();
    if (!this.form.isDense()) {
      checkFactorsMatch();
    }
    for (int j = 0; j < convs.size(); j++) {
      ConvSpec c = convs.get(j);
      String prefix = this.form.isDense() ? name + "." : name + ".factors." + j + ".";
      long[] shape = c.weightShape();
      long fanIn = shape[1] * shape[2] * shape[3];
      long fanOut = shape[0] * shape[2] * shape[3];
      NDArray w = torchvisionInit
          ? init.normal(prefix + "weight", shape, Math.sqrt(2.0 / fanOut))
          : init.uniform(prefix + "weight", shape, 1 / Math.sqrt(fanIn));
      params.add(new Param(prefix + "weight", w, Param.Role.WEIGHT));
      weights.add(w);
      NDArray b = null;
      if (c.bias()) {
        b = init.uniform(prefix + "bias", new long[] {c.outChannels()}, 1 / Math.sqrt(fanIn));
        params.add(new Param(prefix + "bias", b, Param.Role.BIAS));
      }
      biases.add(b);
    }
  }

  private void checkFactorsMatch() {
    ConvSpec first = convs.get(0);
    ConvSpec last = convs.get(convs.size() - 1);
    int h = inH;
    int w = inW;
    for (ConvSpec c : convs) {
      h = c.outputHeight(h);
      w = c.outputWidth(w);
    }
    if (first.inChannels() != spec.inChannels() || last.outChannels() != spec.outChannels()
        || h != spec.outputHeight(inH) || w != spec.outputWidth(inW) || last.bias() != spec.bias()) {
      throw new IllegalArgumentException("layer " + name + ": factors map " + first.inChannels() + "x" + inH + "x" + inW
          + " to " + last.outChannels() + "x" + h + "x" + w + (last.bias() ? " with" : " without") + " bias, but the layer maps it to "
          + spec.outChannels() + "x" + spec.outputHeight(inH) + "x" + spec.outputWidth(inW)
          + (spec.bias() ? " with" : " without") + " bias");
    }
  }

  @Override
  public NDArray forward(NDArray x, boolean training) {
    return run(x, weights, biases, training);
  }

  private NDArray run(NDArray x, List<NDArray> ws, List<NDArray> bs, boolean training) {
    NDArray y = x;
    for (int j = 0; j < convs.size(); j++) {
      ConvSpec c = convs.get(j);
      NDArray in = y;
      y = Ops.conv2d(y, ws.get(j), bs.get(j), c, training);
      if (CHECK_FINITE) {
        checkFinite(j, c, in, y);
      }
    }
    return y;
  }

  /**
   * This layer followed by {@code bn}, for inference only: the normalization folded into the last
   * convolution's weight and bias (new arrays in {@code scope}), so the pair runs as this layer's
   * convolutions alone. The result reflects the weights and statistics as they are now.
   */
  public Module foldedWith(BatchNorm2d bn, NDManager scope) {
    int last = convs.size() - 1;
    NDArray[] folded = bn.foldInto(weights.get(last), biases.get(last), scope);
    List<NDArray> ws = new ArrayList<>(weights);
    List<NDArray> bs = new ArrayList<>(biases);
    ws.set(last, folded[0]);
    bs.set(last, folded[1]);
    return (x, training) -> {
      if (training) {
        throw new IllegalStateException("layer " + name + ": a folded convolution and batch norm is for inference only");
      }
      return run(x, ws, bs, false);
    };
  }

  /**
   * Debugging switch ({@code -Dconvcut.check-finite=true}): every convolution checks that a finite
   * input gave a finite output and otherwise stops, naming the layer and the factor. Costs a
   * synchronization per convolution; off by default.
   */
  static final boolean CHECK_FINITE = Boolean.getBoolean("convcut.check-finite");

  private void checkFinite(int j, ConvSpec c, NDArray in, NDArray out) {
    if (Ops.allFinite(out) || !Ops.allFinite(in)) {
      return;
    }
    String which = form.isDense() ? "dense convolution" : "factor " + j + " of " + convs.size() + " (" + form.origin() + ")";
    String weightsFinite = Ops.allFinite(weights.get(j)) ? "finite" : "NOT finite";
    throw new IllegalStateException("layer " + name + ": " + which + " " + c + " in " + in.getDataType()
        + " turned a finite input " + in.getShape() + " into a non-finite output; its weights are " + weightsFinite
        + "; input max |x| " + in.abs().max().getFloat());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LayerKind kind() {
    return LayerKind.CONV;
  }

  public ConvSpec spec() {
    return spec;
  }

  public LayerForm form() {
    return form;
  }

  /** The convolutions this slot runs, in order: its own geometry when dense, the factors' otherwise. */
  public List<ConvSpec> convolutions() {
    return convs;
  }

  /**
   * Convolution {@code j}'s weight as stored, {@code (O, I/groups, kH, kW)}: the intended kernel,
   * without the zero channels {@link Ops#conv2d} adds while running it.
   */
  public NDArray convolutionWeight(int j) {
    return weights.get(j);
  }

  /** Convolution {@code j}'s bias, or null when it has none (only a last convolution may have one). */
  public NDArray convolutionBias(int j) {
    return biases.get(j);
  }

  /** Rows of the input this slot was built for. */
  public int inputHeight() {
    return inH;
  }

  /** Columns of the input this slot was built for. */
  public int inputWidth() {
    return inW;
  }

  public int outputHeight() {
    return spec.outputHeight(inH);
  }

  public int outputWidth() {
    return spec.outputWidth(inW);
  }

  @Override
  public Param weight() {
    if (!form.isDense()) {
      throw new InvalidRequestException("layer " + name + " is factorized into " + convs.size()
          + " convolutions; it has no single dense weight");
    }
    return params.get(0);
  }

  @Override
  public List<Param> params() {
    return List.copyOf(params);
  }

  @Override
  public List<WeightLayer> weightLayers() {
    return List.of(this);
  }

  @Override
  public LayerInfo info(String stage) {
    int oh = outputHeight();
    int ow = outputWidth();
    long p = 0;
    long macs = 0;
    int h = inH;
    int w = inW;
    for (ConvSpec c : convs) {
      h = c.outputHeight(h);
      w = c.outputWidth(w);
      p += c.params();
      macs += c.macs(h, w);
    }
    List<Long> shape = new ArrayList<>();
    for (long d : spec.weightShape()) {
      shape.add(d);
    }
    return new LayerInfo(name, kind(), stage, shape, spec.stride(), spec.padding(), spec.dilation(), spec.groups(),
        spec.bias(), List.of(inH, inW), List.of(oh, ow), p, macs, form.kind());
  }
}
