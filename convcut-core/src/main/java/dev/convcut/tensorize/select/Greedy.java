package dev.convcut.tensorize.select;

import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Greedy selection by accuracy lost per unit saved, as AIMET's compression-ratio selection does
 * it in spirit: every layer starts dense; each step moves one layer to a cheaper option, the move
 * with the smallest {@code Δloss / Δcost saved} over all layers (a move that gains accuracy
 * first), until the total cost meets the budget ({@link #toCost}) or no move fits in the allowed
 * loss ({@link #withinLoss}). Losses are per-layer measurements and are added up across layers,
 * an approximation the caller verifies by measuring the combined model.
 */
public final class Greedy {
  private Greedy() {}

  /** One option for a layer: its cost and the accuracy it loses (points; −delta_top1). */
  public record Option(Candidate candidate, long cost, double loss) {}

  /** A layer's dense cost and its options. */
  public record LayerChoices(String layer, long denseCost, List<Option> options) {
    public LayerChoices {
      options = List.copyOf(options);
    }

    long cheapest() {
      return options.stream().mapToLong(Option::cost).min().orElse(denseCost);
    }
  }

  /** One move: a layer from one option (null: dense), which cost {@code fromCost}, to another. */
  public record Step(String layer, Option from, long fromCost, Option to) {}

  /**
   * The options chosen (layers absent stay dense), the total cost including the layers not in
   * play, the dense total, the summed per-layer loss, and the moves in order.
   */
  public record Selection(Map<String, Option> chosen, long cost, long denseCost, double predictedLoss, List<Step> steps) {
    public Selection {
      chosen = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(chosen));
      steps = List.copyOf(steps);
    }

    /** Cost as a fraction of the dense total. */
    public double fraction() {
      return (double) cost / denseCost;
    }

    /** The selection before its last move; itself when there were none. */
    public Selection undoLast() {
      if (steps.isEmpty()) {
        return this;
      }
      Step last = steps.get(steps.size() - 1);
      Map<String, Option> back = new LinkedHashMap<>(chosen);
      if (last.from() == null) {
        back.remove(last.layer());
      } else {
        back.put(last.layer(), last.from());
      }
      long cost = this.cost - last.to().cost() + last.fromCost();
      double loss = predictedLoss - last.to().loss() + (last.from() == null ? 0 : last.from().loss());
      return new Selection(back, cost, denseCost, loss, steps.subList(0, steps.size() - 1));
    }
  }

  /**
   * Moves until the total cost is at most {@code budget}.
   *
   * @param fixed cost of layers not in play (kept dense)
   * @throws ConvcutException when even the cheapest option of every layer exceeds the budget,
   *     naming the closest achievable fraction
   */
  public static Selection toCost(List<LayerChoices> layers, long fixed, long budget, Resource resource) {
    long dense = fixed + layers.stream().mapToLong(LayerChoices::denseCost).sum();
    long floor = fixed + layers.stream().mapToLong(LayerChoices::cheapest).sum();
    if (floor > budget) {
      throw new ConvcutException(Words.of(String.format(Locale.ROOT, "cannot reach %.4f of the convolution %s (%d of %d): the"
          + " cheapest measured option of every layer gives %.4f (%d); choose a target of at least %.4f, allow more methods or"
          + " smaller kept fractions (", (double) budget / dense, resource.words(), budget, dense, (double) floor / dense, floor,
          Math.ceil(10000.0 * floor / dense) / 10000), Setting.METHODS, ", ", Setting.KEEPS, "), or include more layers"));
    }
    return run(layers, fixed, dense, s -> s.cost <= budget, (s, o) -> true);
  }

  /** Moves, saving as much as it can, while the summed loss stays at most {@code maxLoss} points. */
  public static Selection withinLoss(List<LayerChoices> layers, long fixed, double maxLoss) {
    long dense = fixed + layers.stream().mapToLong(LayerChoices::denseCost).sum();
    return run(layers, fixed, dense, s -> false, (s, extra) -> s.loss + extra <= maxLoss + 1e-12);
  }

  private static final class State {
    long cost;
    double loss;
  }

  private static Selection run(List<LayerChoices> layers, long fixed, long dense, java.util.function.Predicate<State> done,
      java.util.function.BiPredicate<State, Double> fits) {
    Map<String, Option> chosen = new LinkedHashMap<>();
    List<Step> steps = new ArrayList<>();
    State s = new State();
    s.cost = dense;
    while (!done.test(s)) {
      LayerChoices bestLayer = null;
      Option best = null;
      double bestRatio = Double.POSITIVE_INFINITY;
      long bestSaving = 0;
      for (LayerChoices l : layers) {
        Option now = chosen.get(l.layer());
        long cost = now == null ? l.denseCost() : now.cost();
        double loss = now == null ? 0 : now.loss();
        for (Option o : l.options()) {
          long saving = cost - o.cost();
          if (saving <= 0 || !fits.test(s, o.loss() - loss)) {
            continue;
          }
          double ratio = (o.loss() - loss) / saving;
          if (ratio < bestRatio || (ratio == bestRatio && saving > bestSaving)) {
            bestRatio = ratio;
            bestSaving = saving;
            best = o;
            bestLayer = l;
          }
        }
      }
      if (best == null) {
        break;
      }
      Option from = chosen.put(bestLayer.layer(), best);
      s.cost -= bestSaving;
      s.loss += best.loss() - (from == null ? 0 : from.loss());
      steps.add(new Step(bestLayer.layer(), from, best.cost() + bestSaving, best));
    }
    return new Selection(chosen, s.cost, dense, s.loss, steps);
  }
}
