package dev.convcut.model;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * A top-level piece of a network (the stem, one residual block, the head, a group of layers of a
 * plain CNN). Networks run stage by stage, so a computation can start or stop at any stage
 * boundary.
 */
public interface Stage extends Module {
  String name();

  /**
   * This stage for inference with the weights as they are now: every convolution followed by a
   * batch norm runs as one convolution with the normalization folded in (arrays in {@code scope}).
   * Stages without such a pair return themselves.
   */
  default Stage forInference(NDManager scope) {
    return this;
  }

  /** {@code modules} with every convolution-and-batch-norm pair folded into one module. */
  static List<Module> foldBatchNorms(List<Module> modules, NDManager scope) {
    List<Module> out = new ArrayList<>();
    for (int i = 0; i < modules.size(); i++) {
      Module m = modules.get(i);
      if (m instanceof Conv2d c && i + 1 < modules.size() && modules.get(i + 1) instanceof BatchNorm2d bn) {
        out.add(c.foldedWith(bn, scope));
        i++;
      } else {
        out.add(m);
      }
    }
    return out;
  }
}
