package dev.convcut.report.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The tolerable norm loss of one stage of a residual network (its stem, each {@code layerS}, its
 * head): the mean over the stage's layers along each cut and at each layer's best cut, and the
 * mean at the best cut per kind of convolution (the blocks' first and second convolutions and the
 * downsampling projections apart).
 *
 * @param perCut mean tolerable norm loss along each cut, over the stage's layers the sweep cut along it
 * @param perKind mean tolerable norm loss at the best cut, per kind present in the stage
 */
public record StageSummary(String stage, int layers, double bestCutMean, Map<String, Double> perCut,
    Map<LayerRole.Kind, Double> perKind) {

  public StageSummary {
    perCut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perCut));
    perKind = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perKind));
  }

  /** One summary per stage, in depth order; empty when the layers are not from a residual network. */
  public static List<StageSummary> of(List<LayerSummary> layers, List<LayerRole> roles, List<String> cuts) {
    if (!LayerRole.residual(roles)) {
      return List.of();
    }
    Map<String, LayerSummary> byName = new LinkedHashMap<>();
    layers.forEach(l -> byName.put(l.layer(), l));
    Map<String, List<LayerRole>> stages = new LinkedHashMap<>();
    roles.forEach(r -> stages.computeIfAbsent(r.stage(), k -> new ArrayList<>()).add(r));
    List<StageSummary> out = new ArrayList<>();
    for (var e : stages.entrySet()) {
      List<LayerSummary> in = e.getValue().stream().map(r -> byName.get(r.layer())).toList();
      Map<String, Double> perCut = new LinkedHashMap<>();
      for (String cut : cuts) {
        OptionalDouble m = in.stream().filter(l -> l.cut(cut) != null).mapToDouble(l -> l.cut(cut).tolerableNormLoss()).average();
        if (m.isPresent()) {
          perCut.put(cut, m.getAsDouble());
        }
      }
      Map<LayerRole.Kind, Double> perKind = new LinkedHashMap<>();
      for (LayerRole.Kind k : LayerRole.Kind.values()) {
        OptionalDouble m = e.getValue().stream().filter(r -> r.kind() == k)
            .mapToDouble(r -> byName.get(r.layer()).best().tolerableNormLoss()).average();
        if (m.isPresent()) {
          perKind.put(k, m.getAsDouble());
        }
      }
      out.add(new StageSummary(e.getKey(), in.size(), mean(in, l -> l.best().tolerableNormLoss()), perCut, perKind));
    }
    return out;
  }

  private static double mean(List<LayerSummary> layers, ToDoubleFunction<LayerSummary> f) {
    return layers.stream().mapToDouble(f).average().orElse(Double.NaN);
  }
}
