package dev.convcut.report.analysis;

import static dev.convcut.report.analysis.Points.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.report.data.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepthTrendTest {
  private static final Criteria C = Criteria.defaults();

  /** Layers at depths 0.. whose o|ihw sweep tolerates exactly the given norm losses (the next level fails). */
  static List<LayerSummary> layers(double... tolerable) {
    List<SweepPoint> rows = new ArrayList<>();
    for (int d = 0; d < tolerable.length; d++) {
      rows.add(at("l" + d, d, "o|ihw", "keep1.0", 0, 0));
      rows.add(at("l" + d, d, "o|ihw", "a", tolerable[d], -0.1));
      rows.add(at("l" + d, d, "o|ihw", "b", tolerable[d] + 0.05, -3));
    }
    return LayerSummary.all(rows, C);
  }

  @Test
  void aStrictlyIncreasingTrendOverFourLayersHeld() {
    DepthTrend t = DepthTrend.overBestCuts(layers(0.02, 0.06, 0.12, 0.2));
    assertThat(t.verdict()).isEqualTo(Verdict.HELD);
    assertThat(t.rho()).isEqualTo(1.0, within(1e-12));
    assertThat(t.pValue()).isEqualTo(1.0 / 24, within(1e-15));
    assertThat(t.layers()).isEqualTo(4);
    assertThat(t.evidence()).isEqualTo("Spearman rho = +1.00 between depth and tolerable norm loss (best cut per layer) "
        + "over 4 layers (one-sided permutation p = 0.042, no confidence interval at |rho| = 1)");
    assertThat(t.ciLow()).isNull();
  }

  @Test
  void aDecreasingTrendDidNotHold() {
    DepthTrend t = DepthTrend.overBestCuts(layers(0.2, 0.12, 0.06, 0.02));
    assertThat(t.verdict()).isEqualTo(Verdict.DID_NOT_HOLD);
    assertThat(t.rho()).isEqualTo(-1.0, within(1e-12));
  }

  @Test
  void aWeakPositiveTrendIsInconclusive() {
    // Ranks (3, 1, 2, 4) against depth: rho = 0.4; 9 of the 24 orderings do at least as well.
    DepthTrend t = DepthTrend.overBestCuts(layers(0.12, 0.02, 0.06, 0.2));
    assertThat(t.rho()).isEqualTo(0.4, within(1e-12));
    assertThat(t.pValue()).isEqualTo(9.0 / 24, within(1e-15));
    assertThat(t.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(t.evidence()).contains("a weak positive trend");
  }

  @Test
  void aModerateButSignificantTrendOverManyLayersHeld() {
    double[] tol = new double[30];
    for (int d = 0; d < tol.length; d++) {
      tol[d] = 0.01 * d + ((d % 2 == 0) ? 0.3 : 0);
    }
    DepthTrend t = DepthTrend.overBestCuts(layers(tol));
    // Two interleaved rising sequences: rho = 13/29 (checked with numpy), weak but clearly not chance over 30 layers.
    assertThat(t.rho()).isEqualTo(13.0 / 29, within(1e-12));
    assertThat(t.pValue()).isLessThan(0.05);
    assertThat(t.verdict()).isEqualTo(Verdict.HELD);
  }

  @Test
  void fewerThanThreeLayersIsInconclusive() {
    DepthTrend t = DepthTrend.overBestCuts(layers(0.02, 0.2));
    assertThat(t.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(t.evidence()).isEqualTo("only 2 layers in the sweep; a trend over depth needs at least 3");
    assertThat(t.pValue()).isNull();
  }

  @Test
  void layersThatAllTolerateTheSameAreInconclusive() {
    DepthTrend t = DepthTrend.overBestCuts(layers(0.1, 0.1, 0.1));
    assertThat(t.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(t.rho()).isNull();
    assertThat(t.evidence()).startsWith("all 3 layers tolerate the same norm loss (10.0%)");
  }

  @Test
  void layersThatNeverLeftToleranceAreCountedAsLowerBounds() {
    List<SweepPoint> rows = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      rows.add(at("l" + d, d, "o|ihw", "keep0.5", 0.1 * (d + 1), 0));
      rows.add(at("l" + d, d, "oi|hw", "keep0.5", 0.05, 0));
      rows.add(at("l" + d, d, "oi|hw", "keep0.2", 0.3, -5));
    }
    List<LayerSummary> layers = LayerSummary.all(rows, C);
    DepthTrend best = DepthTrend.overBestCuts(layers);
    assertThat(best.lowerBounds()).isEqualTo(3);
    assertThat(best.evidence()).endsWith("; 3 of 3 layers stayed within tolerance at every level measured, so their values are lower bounds");
    DepthTrend along = DepthTrend.alongCut("oi|hw", layers);
    assertThat(along.cut()).isEqualTo("oi|hw");
    assertThat(along.lowerBounds()).isZero();
    assertThat(along.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void aTrendAlongACutUsesOnlyTheLayersThatHaveIt() {
    List<SweepPoint> rows = new ArrayList<>();
    rows.add(at("a", 0, "ohw|i", "keep0.5", 0.1, 0));
    rows.add(at("b", 1, "o|ihw", "keep0.5", 0.1, 0));
    rows.add(at("c", 2, "ohw|i", "keep0.5", 0.2, 0));
    DepthTrend t = DepthTrend.alongCut("ohw|i", LayerSummary.all(rows, C));
    assertThat(t.layers()).isEqualTo(2);
  }

  @Test
  void theConfidenceIntervalIsFishersZWithFiellersStandardError() {
    // atanh(0.5) = 0.5493; 1.96 * 1.03 / sqrt(16) = 0.5047; tanh of the two ends (numpy agrees).
    double[] ci = DepthTrend.confidenceInterval(0.5, 19);
    assertThat(ci[0]).isEqualTo(0.04458583900746705, within(1e-12));
    assertThat(ci[1]).isEqualTo(0.783355407458595, within(1e-12));
    double[] mirrored = DepthTrend.confidenceInterval(-0.5, 19);
    assertThat(mirrored[0]).isEqualTo(-ci[1], within(1e-12));
    assertThat(DepthTrend.confidenceInterval(0.5, 3)).as("undefined below 4 pairs").isNull();
    assertThat(DepthTrend.confidenceInterval(1.0, 19)).as("undefined at |rho| = 1").isNull();
    assertThat(DepthTrend.confidenceInterval(0.5, 100)[1] - DepthTrend.confidenceInterval(0.5, 100)[0])
        .as("more layers, a narrower interval").isLessThan(ci[1] - ci[0]);
  }

  @Test
  void aTrendOverNineteenLayersCarriesItsIntervalInTheEvidence() {
    double[] tolerable = new double[19];
    for (int d = 0; d < 19; d++) {
      // Rising with depth, with every third layer out of order: rho well above 0 but below 1.
      tolerable[d] = 0.01 * (d % 3 == 0 ? 19 - d : d + 1);
    }
    DepthTrend t = DepthTrend.overBestCuts(layers(tolerable));
    assertThat(t.layers()).isEqualTo(19);
    assertThat(t.rho()).isStrictlyBetween(0.0, 1.0);
    assertThat(t.ciLow()).isLessThan(t.rho());
    assertThat(t.ciHigh()).isGreaterThan(t.rho());
    double[] ci = DepthTrend.confidenceInterval(t.rho(), 19);
    assertThat(t.ciLow()).isEqualTo(ci[0]);
    assertThat(t.evidence()).contains(String.format(java.util.Locale.ROOT, "95%% CI %+.2f to %+.2f by Fisher's z", ci[0], ci[1]));
  }
}
