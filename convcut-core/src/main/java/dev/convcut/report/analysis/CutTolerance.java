package dev.convcut.report.analysis;

import dev.convcut.report.data.SweepPoint;
import java.util.Comparator;
import java.util.List;

/**
 * A layer's tolerable norm loss along one cut (docs/science.md, "Tolerance"): the largest η
 * among the measured levels such that that level and every level with a smaller η stay within
 * tolerance. Levels with equal η are judged together, so a failure among them stops the scan.
 *
 * @param tolerableNormLoss 0 when even the level with the smallest η fails
 * @param level the level that reached it, null when none did
 * @param rank that level's rank, -1 when unknown or none
 * @param keptFraction that level's kept fraction, null when unknown or none
 * @param censored every level stayed within tolerance: the true tolerable norm loss may be larger
 * @param firstFailure the η of the first level (by η) outside tolerance, null when none failed
 * @param levels how many levels were measured
 */
public record CutTolerance(String cut, double tolerableNormLoss, String level, long rank, Double keptFraction,
    boolean censored, Double firstFailure, int levels) {

  /** Judges the levels of one layer along one cut. */
  public static CutTolerance of(String cut, List<SweepPoint> points, Criteria criteria) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("no sweep levels for cut " + cut);
    }
    List<SweepPoint> byLoss = points.stream()
        .sorted(Comparator.comparingDouble(SweepPoint::normLoss).thenComparingLong(SweepPoint::rank))
        .toList();
    SweepPoint reached = null;
    int i = 0;
    while (i < byLoss.size()) {
      int j = i;
      while (j < byLoss.size() && byLoss.get(j).normLoss() == byLoss.get(i).normLoss()) {
        j++;
      }
      List<SweepPoint> tied = byLoss.subList(i, j);
      if (!tied.stream().allMatch(p -> criteria.within(p.deltaTop1()))) {
        return result(cut, reached, false, byLoss.get(i).normLoss(), points.size());
      }
      reached = tied.get(0);
      i = j;
    }
    return result(cut, reached, true, null, points.size());
  }

  private static CutTolerance result(String cut, SweepPoint p, boolean censored, Double failure, int levels) {
    if (p == null) {
      return new CutTolerance(cut, 0, null, -1, null, false, failure, levels);
    }
    Double kept = Double.isNaN(p.keptFraction()) ? null : p.keptFraction();
    return new CutTolerance(cut, Math.max(0, p.normLoss()), p.level(), p.rank(), kept, censored, failure, levels);
  }
}
