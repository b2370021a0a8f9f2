package dev.convcut.study;

import java.io.Serializable;
import java.util.List;

/**
 * Some of one layer's evaluations (keys of {@link LayerVariants#evaluations()}), scored together
 * so the activations before the layer are computed once for all of them.
 */
public record LayerTask(String layer, List<String> evaluations) implements Serializable {
  public LayerTask {
    evaluations = List.copyOf(evaluations);
    if (evaluations.isEmpty()) {
      throw new IllegalArgumentException("a task for layer " + layer + " needs at least one evaluation");
    }
  }
}
