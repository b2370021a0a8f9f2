package dev.convcut.study;

import java.io.Serializable;
import java.util.List;

/**
 * Some of one layer's compression candidates, as automatic {@code compress} measures them: each
 * group is one method's kernels (the dense kernel each candidate's factor chain computes), from
 * the least to the most compressed; a group is scored in order and left once a kernel's top-1
 * falls more than {@code floor} points below {@code baselineTop1}. The activations entering the
 * layer are computed once for all the task's groups.
 *
 * @param groups each group's kernels, in the order they are scored
 * @param baselineTop1 the dense network's top-1 on the evaluation images (a fraction)
 * @param floor in percentage points
 */
public record CandidateTask(String layer, List<List<float[]>> groups, double baselineTop1, double floor) implements Serializable {
  public CandidateTask {
    groups = groups.stream().map(List::copyOf).toList();
    if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("a candidate task for layer " + layer + " needs at least one group, none empty");
    }
  }

  /** How many kernels the task holds (it may score fewer: a group is left at the floor). */
  public int kernels() {
    return groups.stream().mapToInt(List::size).sum();
  }
}
