package dev.convcut.api;

import dev.convcut.tensorize.select.AutoPlanner;
import dev.convcut.tensorize.select.Candidate;
import dev.convcut.tensorize.select.Greedy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an automatic compression gives: the compressed model (not fine-tuned; the caller closes it,
 * or this result) and the plan behind it, with its measurements: every candidate's measured
 * change of top-1 per layer ({@link AutoPlanner.Plan#choices()}), the greedy moves, the dense and
 * combined top-1 on the scoring images, and the speed-ups the gate timed.
 */
public record CompressResult(Model model, AutoPlanner.Plan plan) implements AutoCloseable {

  /** Layer → the factorization chosen for it, in forward order; layers absent stay dense. */
  public Map<String, Candidate> chosen() {
    Map<String, Candidate> out = new LinkedHashMap<>();
    plan.selection().chosen().forEach((layer, o) -> out.put(layer, o.candidate()));
    return out;
  }

  /** The selection's cost (parameters or multiply-adds of all convolutions) as a fraction of the dense model's. */
  public double fraction() {
    return plan.selection().fraction();
  }

  /** The dense model's top-1 on the scoring images (or the caller's measure of it). */
  public double denseTop1() {
    return plan.baselineTop1();
  }

  /** The compressed model's top-1 on the scoring images, every chosen layer replaced at once, before fine-tuning. */
  public double compressedTop1() {
    return plan.combinedTop1();
  }

  /** The moves the greedy selection made, in order. */
  public java.util.List<Greedy.Step> steps() {
    return plan.selection().steps();
  }

  @Override
  public void close() {
    model.close();
  }
}
