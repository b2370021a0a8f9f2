package dev.convcut.tensorize.select;

import dev.convcut.tensorize.FactorizedLayer;
import dev.convcut.tensorize.Method;
import java.util.List;

/**
 * One way to factorize one layer, with what it would cost and how far its kernel is from the
 * trained one. The factorization itself is kept so the winner need not be decomposed again.
 */
public record Candidate(FactorizedLayer factorized) {

  public String layer() {
    return factorized.name();
  }

  public Method method() {
    return factorized.method();
  }

  public List<Integer> ranks() {
    return factorized.ranks();
  }

  public long params() {
    return factorized.params();
  }

  public long macs() {
    return factorized.macs();
  }

  public double normLoss() {
    return factorized.normLoss();
  }

  /** What the candidate costs in the resource being reduced. */
  public long cost(Resource r) {
    return r == Resource.PARAMS ? params() : macs();
  }

  /** E.g. {@code features.6 tucker2 rank 12,8}. */
  public String label() {
    return layer() + " " + method() + " rank " + factorized.rankText();
  }

  @Override
  public String toString() {
    return label();
  }
}
