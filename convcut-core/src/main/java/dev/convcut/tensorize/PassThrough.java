package dev.convcut.tensorize;

import dev.convcut.tensor.decompose.ConvChain;
import dev.convcut.tensor.decompose.ConvFactor;
import dev.convcut.tensor.decompose.SpatialAxes;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges square 1×1 factors at the ends of a chain into their neighbour. At full rank along a
 * single-index cut a decomposition's outer factor is an invertible {@code n×n} channel mixing
 * (Tucker-2 with {@code r_i = I} or {@code r_o = O}, a tensor train with {@code r₁ = I} or {@code
 * r₃ = O}, {@code svd:o|ihw} at {@code k = O}): it saves nothing and costs a pass over the
 * feature map, so it is multiplied into the next (or previous) convolution, which must be
 * ungrouped. The chain computes the same function. (It also sidesteps a libtorch 2.7.1 CPU
 * defect seen here: the weight gradient of a 1→1-channel 1×1 convolution applied to the network
 * input came back NaN within a few training steps.)
 */
final class PassThrough {
  private PassThrough() {}

  static List<ConvFactor> fold(List<ConvFactor> factors) {
    List<ConvFactor> f = new ArrayList<>(factors);
    while (f.size() > 1 && square(f.get(0)) && f.get(1).groups() == 1) {
      f.set(1, new ConvFactor(ConvChain.compose(f.get(0), f.get(1)), 1, union(f.get(0).axes(), f.get(1).axes())));
      f.remove(0);
    }
    while (f.size() > 1 && square(f.get(f.size() - 1)) && f.get(f.size() - 2).groups() == 1) {
      int n = f.size();
      f.set(n - 2, new ConvFactor(ConvChain.compose(f.get(n - 2), f.get(n - 1)), 1,
          union(f.get(n - 2).axes(), f.get(n - 1).axes())));
      f.remove(n - 1);
    }
    return f;
  }

  /** The axes either factor carries: the split gives each axis's stride to one factor only. */
  private static SpatialAxes union(SpatialAxes a, SpatialAxes b) {
    boolean rows = a == SpatialAxes.ROWS || a == SpatialAxes.BOTH || b == SpatialAxes.ROWS || b == SpatialAxes.BOTH;
    boolean cols = a == SpatialAxes.COLUMNS || a == SpatialAxes.BOTH || b == SpatialAxes.COLUMNS || b == SpatialAxes.BOTH;
    return rows && cols ? SpatialAxes.BOTH : rows ? SpatialAxes.ROWS : cols ? SpatialAxes.COLUMNS : SpatialAxes.NONE;
  }

  /** A 1×1, one-group factor with as many outputs as inputs. */
  private static boolean square(ConvFactor c) {
    int[] s = c.weight().shape();
    boolean pointwise = s.length == 2 || (s[2] == 1 && s[3] == 1);
    return pointwise && c.groups() == 1 && c.outChannels() == c.inChannels();
  }
}
