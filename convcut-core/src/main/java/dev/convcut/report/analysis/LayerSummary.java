package dev.convcut.report.analysis;

import dev.convcut.report.data.CutOrder;
import dev.convcut.report.data.SweepPoint;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the layer-wise sweep says about one layer: its tolerable norm loss along each cut, the
 * best cut (the largest tolerable norm loss; ties go to the smaller kept fraction, then to the
 * cut order), and the largest norm loss seen within tolerance at any cut and level.
 *
 * @param cuts in {@link CutOrder}
 * @param headroom the largest norm loss within tolerance, null when no level was within tolerance
 */
public record LayerSummary(String layer, int depth, String shape, List<CutTolerance> cuts, CutTolerance best,
    Headroom headroom) {

  private static final Comparator<CutTolerance> BEST_FIRST =
      Comparator.comparingDouble(CutTolerance::tolerableNormLoss).reversed()
          .thenComparingDouble(c -> c.keptFraction() == null ? Double.MAX_VALUE : c.keptFraction())
          .thenComparing(CutTolerance::cut, CutOrder.COMPARATOR);

  public LayerSummary {
    cuts = List.copyOf(cuts);
  }

  /** Summarizes the sweep rows of one layer. */
  public static LayerSummary of(List<SweepPoint> points, Criteria criteria) {
    SweepPoint first = points.get(0);
    Map<String, List<SweepPoint>> byCut = points.stream()
        .collect(Collectors.groupingBy(SweepPoint::cut, LinkedHashMap::new, Collectors.toList()));
    List<CutTolerance> cuts = CutOrder.sorted(byCut.keySet()).stream()
        .map(cut -> CutTolerance.of(cut, byCut.get(cut), criteria))
        .toList();
    Headroom headroom = points.stream()
        .filter(p -> criteria.within(p.deltaTop1()))
        .max(Comparator.comparingDouble(SweepPoint::normLoss))
        .map(p -> new Headroom(p.layer(), p.cut(), p.level(), Math.max(0, p.normLoss()), p.deltaTop1()))
        .orElse(null);
    return new LayerSummary(first.layer(), first.depth(), first.shape(), cuts,
        cuts.stream().sorted(BEST_FIRST).findFirst().orElseThrow(), headroom);
  }

  /** Splits a sweep by layer and summarizes each, in depth order. */
  public static List<LayerSummary> all(List<SweepPoint> points, Criteria criteria) {
    Map<String, List<SweepPoint>> byLayer = points.stream()
        .collect(Collectors.groupingBy(SweepPoint::layer, LinkedHashMap::new, Collectors.toList()));
    return byLayer.values().stream()
        .map(rows -> of(rows, criteria))
        .sorted(Comparator.comparingInt(LayerSummary::depth).thenComparing(LayerSummary::layer))
        .toList();
  }

  /** This layer's tolerable norm loss along {@code cut}, or null when the sweep did not cut it there. */
  public CutTolerance cut(String cut) {
    return cuts.stream().filter(c -> c.cut().equals(cut)).findFirst().orElse(null);
  }
}
