package dev.convcut.tensorize;

import dev.convcut.InvalidRequestException;
import dev.convcut.Setting;
import dev.convcut.Words;

/**
 * What the decompositions share about rank limits: the refusal of ranks above what a layer can
 * hold, and of a 1×1 kernel for the decompositions that reduce there to a matrix product. The
 * limits themselves belong to each {@link Decomposition}.
 */
public final class RankLimits {
  private RankLimits() {}

  /** Why {@code layer} cannot take {@code d} when it has a 1×1 kernel (null when it has not). */
  public static String pointwiseRefusal(DenseConv layer, Decomposition d) {
    boolean pointwise = layer.spec().kernelH() == 1 && layer.spec().kernelW() == 1;
    return pointwise ? "layer " + layer.name() + " has a 1x1 kernel (" + layer.shape() + "): " + d.name()
        + " reduces there to a low-rank matrix product; use svd:o|ihw for it" : null;
  }

  /** A refusal of {@code asked} ranks above {@code limit}, naming the layer and the {@code choices}. */
  public static InvalidRequestException tooHigh(DenseConv layer, Method m, String asked, String limit, Words choices) {
    return new InvalidRequestException(asked + " for layer " + layer.name() + " (" + m + ") is above what the layer can hold: "
        + limit + "; choose ", choices, ", or ", Setting.KEEP, " F / ", Setting.LOSS, " ETA");
  }
}
