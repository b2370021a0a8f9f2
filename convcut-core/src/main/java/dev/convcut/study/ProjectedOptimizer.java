package dev.convcut.study;

import dev.convcut.model.Network;
import dev.convcut.model.Param;
import dev.convcut.tensor.Truncation;
import dev.convcut.train.ForwardingOptimizer;
import dev.convcut.train.Optimizer;
import java.util.List;
import java.util.Map;

/**
 * Projected re-training (docs/science.md, experiment 4): after every update of the wrapped optimizer,
 * the truncated layers are truncated again to the same cuts and ranks, so the weights never leave
 * the set of kernels with those ranks.
 */
public final class ProjectedOptimizer extends ForwardingOptimizer {
  private final Network net;
  private final Map<String, Truncation> ranks;

  public ProjectedOptimizer(Optimizer inner, Network net, Map<String, Truncation> ranks) {
    super(inner);
    this.net = net;
    this.ranks = Map.copyOf(ranks);
  }

  @Override
  public void step(List<Param> params, double lr) {
    inner.step(params, lr);
    AppliedTruncation.project(net, ranks);
  }
}
