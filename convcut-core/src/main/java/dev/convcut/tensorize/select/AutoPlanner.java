package dev.convcut.tensorize.select;

import dev.convcut.InvalidRequestException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.model.LayerInfo;
import dev.convcut.model.LayerKind;
import dev.convcut.model.Network;
import dev.convcut.tensorize.DenseConv;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic mode end to end: candidates per layer, their sensitivity, the greedy selection, and
 * a check of the selection on the combined model (all chosen layers replaced at once). With a
 * loss limit, moves are taken back, last first, until the measured drop is within it.
 */
public final class AutoPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(AutoPlanner.class);

  private AutoPlanner() {}

  /**
   * What to reach: a fraction of the convolutions' parameters or multiply-adds, or the largest
   * saving of parameters within a drop of top-1 (points, before fine-tuning).
   *
   * @param fraction in (0, 1), or NaN with a drop limit
   * @param maxDrop in points, or NaN with a fraction
   */
  public record Target(Resource resource, double fraction, double maxDrop) {
    public Target {
      if (Double.isNaN(fraction) == Double.isNaN(maxDrop)) {
        throw new InvalidRequestException("give one of ", Setting.TARGET_PARAMS, ", ", Setting.TARGET_MACS, ", ", Setting.MAX_DROP);
      }
      if (!Double.isNaN(fraction) && !(fraction > 0 && fraction < 1)) {
        throw new IllegalArgumentException("a target fraction must be in (0, 1), got " + fraction);
      }
      if (!Double.isNaN(maxDrop) && !(maxDrop >= 0)) {
        throw new InvalidSettingException(Setting.MAX_DROP, maxDrop, " must be >= 0 points, got " + maxDrop);
      }
    }

    public static Target fraction(Resource r, double f) {
      return new Target(r, f, Double.NaN);
    }

    public static Target maxDrop(double points) {
      return new Target(Resource.PARAMS, Double.NaN, points);
    }

    @Override
    public String toString() {
      return Double.isNaN(fraction) ? "max-drop " + maxDrop + " points" : "target " + fraction + " of the " + resource.words();
    }
  }

  /**
   * The plan: the selection, the options measured per layer, the baseline and combined top-1 on
   * the selection subset (fractions), and where the sensitivities came from.
   */
  public record Plan(Greedy.Selection selection, List<Greedy.LayerChoices> choices, double baselineTop1,
      double combinedTop1, String source, Map<Candidate, Double> speedups) {
    public Plan {
      speedups = speedups == null ? Map.of() : speedups;
    }

    /** The measured speed-up of a candidate's chain over its dense layer, or NaN when not measured. */
    public double speedup(Candidate c) {
      Double s = speedups.get(c);
      return s == null ? Double.NaN : s;
    }
  }

  /**
   * @param layers the convolutions in play; the network's other convolutions stay as they are
   * @param gate admits only candidates measured fast enough, or null to admit all
   */
  public static Plan plan(Network net, List<String> layers, CandidateGrid grid, SensitivityTable table,
      MeasuredSensitivity verifier, Target target, SpeedGate gate) {
    Resource resource = target.resource();
    Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
    Map<String, DenseConv> convs = new LinkedHashMap<>();
    for (String name : layers) {
      int timedBefore = gate == null ? 0 : gate.measured().size();
      convs.put(name, DenseConv.of(net, name));
      List<Candidate> admitted = grid.candidates(convs.get(name), gate);
      if (gate != null) {
        long slow = gate.measured().entrySet().stream().filter(e -> e.getKey().layer().equals(name))
            .filter(e -> e.getValue() < gate.minSpeedup()).count();
        LOG.info("{}: {} candidates timed against the dense layer, {} slower than {}x set aside, {} left", name,
            gate.measured().size() - timedBefore, slow, gate.minSpeedup(), admitted.size());
      }
      candidates.put(name, admitted);
    }
    // All layers at once, so a table that measures on a cluster can run every layer's candidates together.
    Map<String, Map<Candidate, Double>> deltas = table.deltas(candidates);
    List<Greedy.LayerChoices> choices = new ArrayList<>();
    for (String name : layers) {
      DenseConv layer = convs.get(name);
      List<Greedy.Option> options = new ArrayList<>();
      deltas.get(name).forEach((c, d) -> options.add(new Greedy.Option(c, c.cost(resource), -d)));
      long dense = resource == Resource.PARAMS ? layer.params() : layer.macs();
      choices.add(new Greedy.LayerChoices(name, dense, options));
    }
    long fixed = fixedCost(net, Set.copyOf(layers), resource);
    Greedy.Selection s = Double.isNaN(target.maxDrop())
        ? Greedy.toCost(choices, fixed, (long) Math.floor(target.fraction() * (fixed + choices.stream()
            .mapToLong(Greedy.LayerChoices::denseCost).sum())), resource)
        : Greedy.withinLoss(choices, fixed, target.maxDrop());
    double base = verifier.baselineTop1();
    double combined = verifier.top1With(kernels(s));
    LOG.info("selection: {} moves, {} = {} of dense, predicted drop {} points, measured {}", s.steps().size(),
        s.cost(), s.fraction(), s.predictedLoss(), 100 * (base - combined));
    while (!Double.isNaN(target.maxDrop()) && 100 * (base - combined) > target.maxDrop() && !s.steps().isEmpty()) {
      s = s.undoLast();
      combined = verifier.top1With(kernels(s));
      LOG.info("combined drop above {} points: took back a move, now {} points", target.maxDrop(), 100 * (base - combined));
    }
    return new Plan(s, choices, base, combined, table.source(), gate == null ? Map.of()
        : Collections.unmodifiableMap(new IdentityHashMap<>(gate.measured())));
  }

  private static Map<String, float[]> kernels(Greedy.Selection s) {
    Map<String, float[]> k = new LinkedHashMap<>();
    s.chosen().forEach((layer, o) -> k.put(layer, o.candidate().factorized().reconstruction()));
    return k;
  }

  /** Cost of the convolutions not in play, as they are now (dense or factorized). */
  static long fixedCost(Network net, Set<String> inPlay, Resource resource) {
    long fixed = 0;
    for (LayerInfo info : net.layerInfos()) {
      if (info.kind() == LayerKind.CONV && !inPlay.contains(info.name())) {
        fixed += resource == Resource.PARAMS ? info.params() : info.macs();
      }
    }
    return fixed;
  }
}
