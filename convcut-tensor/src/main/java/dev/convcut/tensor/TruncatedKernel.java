package dev.convcut.tensor;

/**
 * A kernel truncated along one cut to rank {@code k}, with the metrics of docs/science.md computed
 * from the singular values (exact for a single cut): {@code normLoss} η, {@code relError} δ and
 * {@code discarded}, where {@code (1−η)² + δ² = 1} and {@code discarded = δ²}.
 */
public record TruncatedKernel(Kernel kernel, Cut cut, int rank, int fullRank, double normLoss, double relError, double discarded) {

  public TruncatedKernel {
    if (rank < 1 || rank > fullRank) {
      throw new IllegalArgumentException("rank " + rank + " is outside 1.." + fullRank + " for cut " + cut);
    }
  }

  /** {@code k / r}. */
  public double keptFraction() {
    return (double) rank / fullRank;
  }
}
