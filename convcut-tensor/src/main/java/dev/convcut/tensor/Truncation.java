package dev.convcut.tensor;

import dev.convcut.tensor.linalg.Svd;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of truncations applied in order, each SVD acting on the already truncated kernel
 * (docs/science.md, "Several cuts"). Along single-index cuts this is a sequentially truncated HOSVD;
 * along general cuts the order matters. The result's metrics compare the final kernel with the
 * original.
 */
public final class Truncation {
  /** One step: truncate along {@code cut} to {@code level}. */
  public record Step(Cut cut, Level level) {
    public Step {
      if (cut == null || level == null) {
        throw new IllegalArgumentException("a truncation step needs a cut and a level, got " + cut + " and " + level);
      }
    }

    @Override
    public String toString() {
      return cut + " " + level;
    }
  }

  private final List<Step> steps;

  private Truncation(List<Step> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a truncation needs at least one step");
    }
    this.steps = List.copyOf(steps);
  }

  public static Truncation of(List<Step> steps) {
    return new Truncation(steps);
  }

  /** A single-step truncation. */
  public static Truncation of(Cut cut, Level level) {
    return new Truncation(List.of(new Step(cut, level)));
  }

  public List<Step> steps() {
    return steps;
  }

  /** Applies the steps to {@code kernel} with the standard SVD. */
  public TruncationResult apply(Kernel kernel) {
    return apply(CutSvds.of(kernel, Svd.standard()), Svd.standard());
  }

  /**
   * Applies the steps, taking the first step's decomposition from {@code original} (so a sweep
   * that holds the original kernel's SVDs never repeats them) and decomposing later steps' kernels
   * with {@code svd}.
   */
  public TruncationResult apply(CutSvds original, Svd svd) {
    Kernel kernel = original.kernel();
    for (Step s : steps) {
      s.cut().checkAppliesTo(kernel);
    }
    List<TruncatedKernel> done = new ArrayList<>();
    Kernel current = kernel;
    for (int n = 0; n < steps.size(); n++) {
      Step s = steps.get(n);
      CutSvd d = n == 0 ? original.svd(s.cut()) : CutSvd.of(current, s.cut(), svd);
      TruncatedKernel t = d.truncate(s.level());
      done.add(t);
      current = t.kernel();
    }
    return new TruncationResult(kernel, done, svd);
  }

  @Override
  public String toString() {
    return steps.toString();
  }
}
