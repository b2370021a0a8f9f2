package dev.convcut.study;

import dev.convcut.model.Network;
import dev.convcut.tensor.CutSvds;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a remote sweep's tasks on one network, as an executor does: a layer task plans the
 * layer's variants from the grid exactly as the driver did and scores the task's evaluations by
 * prefix reuse; a global task truncates its layers and runs the whole network. It calls the code
 * the in-process sweep calls, so a cluster's rows equal the in-process ones. The last layer's
 * variants and every layer's SVDs for global tasks are kept for the tasks that follow. Not
 * thread-safe: it swaps weights of its network in place.
 */
public final class TaskScoring {
  private final Network net;
  private final EvalSet eval;
  private final Grid grid;
  private final int batchSize;
  private LayerVariants last;
  private final Map<String, CutSvds> svds = new HashMap<>();

  public TaskScoring(Network net, EvalSet eval, Grid grid, int batchSize) {
    this.net = net;
    this.eval = eval;
    this.grid = grid;
    this.batchSize = batchSize;
  }

  /** The task's scores, in the order of its evaluations. */
  public List<Score> layer(LayerTask task) {
    if (grid == null) {
      throw new IllegalStateException("this job has no grid: it scores candidates, not a sweep's layers");
    }
    if (last == null || !last.layer().equals(task.layer())) {
      last = LayerVariants.of(task.layer(), LayerKernels.kernel(net, task.layer()), grid.cuts(), grid.levels());
    }
    return LayerwiseSweep.score(net, last, task.evaluations(), eval, batchSize, null);
  }

  /** The score of the network with the task's layers truncated. */
  public Score global(GlobalTask task) {
    Map<String, CutSvds> used = new LinkedHashMap<>();
    for (String layer : task.ranks().keySet()) {
      used.put(layer, svds.computeIfAbsent(layer, l -> CutSvds.of(LayerKernels.kernel(net, l))));
    }
    return GlobalTruncation.score(net, used, task, eval, batchSize, null);
  }

  public Network network() {
    return net;
  }

  /** The evaluation images every task is scored on. */
  public EvalSet eval() {
    return eval;
  }

  public int batchSize() {
    return batchSize;
  }
}
