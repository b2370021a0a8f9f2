package dev.convcut.tensorize.select;

import dev.convcut.tensor.Level;
import dev.convcut.tensorize.Decompositions;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.FactorizedLayer;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The factorizations worth measuring for one layer: every applicable method at every kept
 * fraction of the grid (ranks as each decomposition resolves {@code keep=f}),
 * duplicates removed, keeping only those that cost less than the dense layer in the resource
 * being reduced. The spectra then prune: a candidate is dropped when another one of the same
 * layer costs no more and loses no more kernel norm (η), since a smaller norm loss at a lower
 * cost is the better bet; what remains is the lower-left frontier of (cost, η).
 *
 * @param methods the methods to try; a method a layer cannot take (a cut trivial on it, or any
 *     but {@code svd:o|ihw} on a 1×1 kernel) is skipped for that layer
 * @param keeps kept fractions in (0, 1]
 */
public record CandidateGrid(List<Method> methods, List<Double> keeps, Resource resource, Factorizer factorizer) {
  /** Kept fractions tried by default. */
  public static final List<Double> DEFAULT_KEEPS = List.of(0.03, 0.06, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5);

  public CandidateGrid {
    methods = List.copyOf(methods);
    keeps = List.copyOf(keeps);
    if (methods.isEmpty() || keeps.isEmpty()) {
      throw new IllegalArgumentException("a candidate grid needs at least one method and one kept fraction");
    }
    keeps.forEach(Level::keep);
  }

  /** Every method of every registered decomposition: the seven cuts, Tucker-2, CP and the tensor train. */
  public static List<Method> allMethods() {
    return Decompositions.allMethods();
  }

  /**
   * What automatic mode tries unless told otherwise: the methods of the decompositions {@link
   * dev.convcut.tensorize.Decomposition#searchedByDefault() searched by default} (all of
   * convcut's but CP, whose class says why).
   */
  public static List<Method> defaultMethods() {
    return allMethods().stream().filter(m -> m.decomposition().searchedByDefault()).toList();
  }

  /** The pruned candidates for {@code layer}, cheapest first. */
  public List<Candidate> candidates(DenseConv layer) {
    return candidates(layer, null);
  }

  /**
   * The pruned candidates for {@code layer} that {@code gate} admits (all, when it is null),
   * cheapest first. Only frontier candidates are measured: when one is too slow it leaves, and
   * the frontier of the rest is taken again, so a candidate it used to dominate gets its chance.
   */
  public List<Candidate> candidates(DenseConv layer, SpeedGate gate) {
    List<Candidate> remaining = all(layer);
    while (true) {
      List<Candidate> front = frontier(remaining, resource);
      if (gate == null) {
        return front;
      }
      List<Candidate> slow = front.stream().filter(c -> !gate.admits(layer, c)).toList();
      if (slow.isEmpty()) {
        return front;
      }
      remaining = remaining.stream().filter(c -> slow.stream().noneMatch(x -> x == c)).toList();
    }
  }

  /** Every applicable candidate cheaper than the dense layer, before pruning. */
  private List<Candidate> all(DenseConv layer) {
    long dense = resource == Resource.PARAMS ? layer.params() : layer.macs();
    List<Candidate> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Method m : methods) {
      if (!applicable(layer, m)) {
        continue;
      }
      for (double keep : keeps) {
        RankRequest request = m.decomposition().searchRequest(layer, keep);
        if (request.ranks() != null) {
          // Ranks settled before decomposing: skip repeats, and ranks that cannot save parameters, without the work.
          int[] r = request.ranksFor(m);
          long params = m.decomposition().params(layer, r);
          if (!seen.add(m + " " + request) || (resource == Resource.PARAMS && params >= 0 && params >= dense)) {
            continue;
          }
        }
        FactorizedLayer f = factorizer.factorize(layer, m, request);
        Candidate c = new Candidate(f);
        if (c.cost(resource) < dense && (request.ranks() != null || seen.add(m + " " + f.rankText()))) {
          all.add(c);
        }
      }
    }
    return all;
  }

  /** Whether {@code layer} can take method {@code m}. */
  public static boolean applicable(DenseConv layer, Method m) {
    return Factorizer.refusal(layer, m) == null;
  }

  /** The candidates no other one beats on both cost and norm loss, cheapest first. */
  static List<Candidate> frontier(List<Candidate> all, Resource resource) {
    List<Candidate> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingLong((Candidate c) -> c.cost(resource)).thenComparingDouble(Candidate::normLoss));
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : sorted) {
      boolean dominated = false;
      for (Candidate k : kept) {
        if (k.cost(resource) <= c.cost(resource) && k.normLoss() <= c.normLoss()) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        kept.add(c);
      }
    }
    return kept;
  }
}
