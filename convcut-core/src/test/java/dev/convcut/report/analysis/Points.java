package dev.convcut.report.analysis;

import dev.convcut.report.data.RetrainEpoch;
import dev.convcut.report.data.SweepPoint;

/** Builds analysis inputs by hand: a baseline of 90% top-1 and the given changes. */
final class Points {
  static final double BASELINE = 0.9;

  private Points() {}

  static SweepPoint at(String layer, int depth, String cut, String level, double eta, double deltaTop1) {
    return at(layer, depth, cut, level, eta, deltaTop1, -1, Double.NaN);
  }

  static SweepPoint at(String layer, int depth, String cut, String level, double eta, double deltaTop1, long rank,
      double keptFraction) {
    return new SweepPoint(layer, depth, "", cut, level, rank, -1, keptFraction, eta, BASELINE + deltaTop1 / 100,
        deltaTop1, -1, -1);
  }

  static RetrainEpoch epoch(String run, int epoch, double deltaTop1) {
    return new RetrainEpoch(run, epoch, Double.NaN, BASELINE + deltaTop1 / 100, BASELINE, deltaTop1);
  }
}
