package dev.convcut.tensorize;

import dev.convcut.model.ConvSpec;
import dev.convcut.tensor.decompose.ConvFactor;
import dev.convcut.tensor.decompose.SpatialAxes;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the factors of a decomposition into convolution geometries for a slot: each factor gets
 * the slot's stride, padding and dilation on the spatial axes it carries (docs/science.md: "split by
 * axis") and stride 1, padding 0, dilation 1 on the others; only the last factor carries the
 * slot's bias. This is exact because every factor before the last is bias-free: a zero-padded
 * border stays zero through a bias-free convolution, so padding later equals padding first.
 */
public final class FactorSpecs {
  private FactorSpecs() {}

  /** The geometries of {@code factors} replacing a convolution of geometry {@code slot}. */
  public static List<ConvSpec> of(List<ConvFactor> factors, ConvSpec slot) {
    List<ConvSpec> specs = new ArrayList<>();
    for (int j = 0; j < factors.size(); j++) {
      specs.add(of(factors.get(j), slot, j == factors.size() - 1));
    }
    return specs;
  }

  static ConvSpec of(ConvFactor f, ConvSpec slot, boolean last) {
    int[] shape = f.weight().shape();
    int kh = shape.length == 4 ? shape[2] : 1;
    int kw = shape.length == 4 ? shape[3] : 1;
    boolean rows = f.axes() == SpatialAxes.ROWS || f.axes() == SpatialAxes.BOTH;
    boolean cols = f.axes() == SpatialAxes.COLUMNS || f.axes() == SpatialAxes.BOTH;
    if ((kh > 1 && !rows) || (kw > 1 && !cols)) {
      throw new IllegalStateException("factor " + f.weight().shapeString() + " spans an axis it does not carry (" + f.axes() + ")");
    }
    return new ConvSpec(f.inChannels(), f.outChannels(), kh, kw,
        rows ? slot.strideH() : 1, cols ? slot.strideW() : 1,
        rows ? slot.padH() : 0, cols ? slot.padW() : 0,
        rows ? slot.dilationH() : 1, cols ? slot.dilationW() : 1,
        f.groups(), last && slot.bias());
  }
}
