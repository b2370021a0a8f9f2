package dev.convcut.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * An optimizer that does something around another one's update (clipping before it, projecting
 * after it) and hands everything else — state, restoring it, the step count — to that one.
 */
public abstract class ForwardingOptimizer implements Optimizer {
  protected final Optimizer inner;

  protected ForwardingOptimizer(Optimizer inner) {
    this.inner = inner;
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

  @Override
  public boolean skipsNonFinite() {
    return inner.skipsNonFinite();
  }
}
