package dev.convcut.study;

import ai.djl.ndarray.NDArray;
import dev.convcut.model.Network;
import dev.convcut.model.Param;
import dev.convcut.tensor.Truncation;
import dev.convcut.train.Optimizer;
import java.util.List;
import java.util.Map;

/**
 * Projected re-training (SCIENCE.md, experiment 4): after every update of the wrapped optimizer,
 * the truncated layers are truncated again to the same cuts and ranks, so the weights never leave
 * the set of kernels with those ranks.
 */
public final class ProjectedOptimizer implements Optimizer {
  private final Optimizer inner;
  private final Network net;
  private final Map<String, Truncation> ranks;

  public ProjectedOptimizer(Optimizer inner, Network net, Map<String, Truncation> ranks) {
    this.inner = inner;
    this.net = net;
    this.ranks = Map.copyOf(ranks);
  }

  @Override
  public void step(List<Param> params, double lr) {
    inner.step(params, lr);
    AppliedTruncation.project(net, ranks);
  }

  @Override
  public Map<String, NDArray> state() {
    return inner.state();
  }

  @Override
  public void loadState(Map<String, NDArray> state, long steps) {
    inner.loadState(state, steps);
  }

  @Override
  public long steps() {
    return inner.steps();
  }
}
