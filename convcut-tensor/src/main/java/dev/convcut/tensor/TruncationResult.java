package dev.convcut.tensor;

import dev.convcut.tensor.linalg.Svd;
import java.util.List;

/**
 * The outcome of a {@link Truncation}: the final kernel {@code Ŵ}, each step's own truncation,
 * and the metrics against the original {@code W}. {@code discarded} is the share of {@code ‖W‖²}
 * removed over all steps (each step removes an orthogonal part of the current kernel), which is
 * {@code 1 − (1−η)²} and, for one step, docs/science.md's {@code Σ_{j>k} s_j² / Σ s_j²}. The rank
 * profile costs one values-only SVD per distinct cut and is computed on first request.
 */
public final class TruncationResult {
  private final Kernel original;
  private final List<TruncatedKernel> steps;
  private final Svd svd;
  private final double normLoss;
  private final double relError;
  private final double discarded;
  private RankProfile profile;

  TruncationResult(Kernel original, List<TruncatedKernel> steps, Svd svd) {
    this.original = original;
    this.steps = List.copyOf(steps);
    this.svd = svd;
    if (steps.size() == 1) {
      TruncatedKernel t = steps.get(0);
      normLoss = t.normLoss();
      relError = t.relError();
      discarded = t.discarded();
    } else {
      double w = original.norm();
      Kernel last = truncated();
      normLoss = w == 0 ? 0 : 1 - last.norm() / w;
      relError = last.relativeErrorTo(original);
      // Each step discards a share of the kernel it acted on; rescale to shares of ‖W‖².
      double remaining = 1;
      double removed = 0;
      for (TruncatedKernel t : steps) {
        removed += remaining * t.discarded();
        remaining *= 1 - t.discarded();
      }
      discarded = removed;
    }
  }

  public Kernel original() {
    return original;
  }

  /** The final kernel {@code Ŵ}. */
  public Kernel truncated() {
    return steps.get(steps.size() - 1).kernel();
  }

  /** Each step's truncation, in order; its metrics compare with the kernel that step received. */
  public List<TruncatedKernel> steps() {
    return steps;
  }

  /** {@code η = 1 − ‖Ŵ‖/‖W‖}. */
  public double normLoss() {
    return normLoss;
  }

  /** {@code δ = ‖W − Ŵ‖/‖W‖}. */
  public double relError() {
    return relError;
  }

  /** The share of {@code ‖W‖²} removed. */
  public double discarded() {
    return discarded;
  }

  /** The numerical rank of {@code Ŵ} along every cut. */
  public synchronized RankProfile rankProfile() {
    if (profile == null) {
      profile = RankProfile.of(truncated(), svd);
    }
    return profile;
  }
}
