package dev.convcut.report.analysis;

import static dev.convcut.report.analysis.Points.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerSummaryTest {
  private static final Criteria C = Criteria.defaults();

  @Test
  void theBestCutToleratesTheMostNormLoss() {
    LayerSummary l = LayerSummary.of(List.of(
        at("f", 2, "oi|hw", "keep0.5", 0.2, 0), at("f", 2, "oi|hw", "keep0.2", 0.4, -3),
        at("f", 2, "o|ihw", "keep0.5", 0.3, -0.2), at("f", 2, "o|ihw", "keep0.2", 0.5, -9)), C);
    assertThat(l.cuts()).extracting(CutTolerance::cut).containsExactly("o|ihw", "oi|hw");
    assertThat(l.best().cut()).isEqualTo("o|ihw");
    assertThat(l.best().tolerableNormLoss()).isEqualTo(0.3);
    assertThat(l.depth()).isEqualTo(2);
  }

  @Test
  void tiesGoToTheSmallerKeptFractionThenToTheCutOrder() {
    LayerSummary byFraction = LayerSummary.of(List.of(
        at("f", 0, "o|ihw", "keep0.5", 0.2, 0, 5, 0.5), at("f", 0, "oi|hw", "keep0.3", 0.2, 0, 3, 0.3)), C);
    assertThat(byFraction.best().cut()).isEqualTo("oi|hw");
    LayerSummary byOrder = LayerSummary.of(List.of(
        at("f", 0, "ow|ih", "keep0.5", 0.2, 0), at("f", 0, "ohw|i", "keep0.5", 0.2, 0)), C);
    assertThat(byOrder.best().cut()).isEqualTo("ohw|i");
  }

  @Test
  void theNormLostWithinToleranceIsTheLargestAtAnyLevelEvenPastAFailure() {
    LayerSummary l = LayerSummary.of(List.of(
        at("f", 0, "o|ihw", "keep0.8", 0.1, -0.9), at("f", 0, "o|ihw", "keep0.6", 0.35, -0.3),
        at("f", 0, "oi|hw", "keep0.5", 0.2, 0), at("f", 0, "oi|hw", "keep0.2", 0.5, -7)), C);
    assertThat(l.best().cut()).isEqualTo("oi|hw");
    assertThat(l.headroom()).isEqualTo(new Headroom("f", "o|ihw", "keep0.6", 0.35, -0.3));
  }

  @Test
  void aLayerWithNoLevelWithinToleranceHasNoHeadroom() {
    LayerSummary l = LayerSummary.of(List.of(at("f", 0, "o|ihw", "rank1", 0.6, -50)), C);
    assertThat(l.headroom()).isNull();
    assertThat(l.best().tolerableNormLoss()).isZero();
  }

  @Test
  void allSplitsASweepByLayerInDepthOrder() {
    List<LayerSummary> all = LayerSummary.all(List.of(
        at("deep", 3, "o|ihw", "keep0.5", 0.2, 0), at("first", 0, "o|ihw", "keep0.5", 0.2, 0),
        at("deep", 3, "o|ihw", "keep0.1", 0.6, -9), at("mid", 1, "o|ihw", "keep0.5", 0.2, -4)), C);
    assertThat(all).extracting(LayerSummary::layer).containsExactly("first", "mid", "deep");
    assertThat(all.get(2).best().levels()).isEqualTo(2);
  }
}
