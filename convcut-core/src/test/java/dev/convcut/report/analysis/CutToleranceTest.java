package dev.convcut.report.analysis;

import static dev.convcut.report.analysis.Points.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.report.data.SweepPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CutToleranceTest {
  private static final Criteria C = Criteria.defaults();

  private static SweepPoint p(String level, double eta, double delta) {
    return at("f", 0, "o|ihw", level, eta, delta);
  }

  @Test
  void theTolerableNormLossIsTheLastLevelBeforeTheFirstFailure() {
    CutTolerance t = CutTolerance.of("o|ihw", List.of(p("keep1.0", 0, 0), p("keep0.8", 0.1, -0.2),
        p("keep0.6", 0.2, -0.5), p("keep0.4", 0.3, -0.6), p("keep0.2", 0.4, -3)), C);
    assertThat(t).isEqualTo(new CutTolerance("o|ihw", 0.2, "keep0.6", -1, null, false, 0.3, 5));
  }

  @Test
  void aLevelWithinToleranceAfterAFailureDoesNotCount() {
    CutTolerance t = CutTolerance.of("o|ihw", List.of(p("keep1.0", 0, 0), p("keep0.8", 0.1, -0.8), p("keep0.6", 0.2, 0.1)), C);
    assertThat(t.tolerableNormLoss()).isEqualTo(0.0);
    assertThat(t.level()).isEqualTo("keep1.0");
    assertThat(t.firstFailure()).isEqualTo(0.1);
  }

  @Test
  void levelsWithEqualNormLossAreJudgedTogether() {
    CutTolerance t = CutTolerance.of("o|ihw", List.of(p("keep1.0", 0, 0), p("keep0.5", 0.1, 0),
        p("keep0.1", 0.15, -0.1), p("rank1", 0.15, -0.9)), C);
    assertThat(t.tolerableNormLoss()).isEqualTo(0.1);
    assertThat(t.firstFailure()).isEqualTo(0.15);
  }

  @Test
  void whenEvenTheMildestLevelFailsNothingIsTolerable() {
    CutTolerance t = CutTolerance.of("o|ihw", List.of(p("keep0.5", 0.3, -2), p("rank1", 0.6, -40)), C);
    assertThat(t).isEqualTo(new CutTolerance("o|ihw", 0, null, -1, null, false, 0.3, 2));
  }

  @Test
  void whenEveryLevelIsWithinToleranceTheValueIsALowerBound() {
    CutTolerance t = CutTolerance.of("o|ihw", List.of(at("f", 0, "o|ihw", "keep0.5", 0.3, -0.1, 5, 0.5),
        at("f", 0, "o|ihw", "rank1", 0.6, -0.4, 1, 0.1)), C);
    assertThat(t).isEqualTo(new CutTolerance("o|ihw", 0.6, "rank1", 1, 0.1, true, null, 2));
  }

  @Test
  void theOrderOfTheRowsDoesNotMatter() {
    List<SweepPoint> rows = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      rows.add(p("l" + i, i / 20.0, i <= 6 ? -0.1 * (i % 3) : -5));
    }
    CutTolerance sorted = CutTolerance.of("o|ihw", rows, C);
    Collections.shuffle(rows, new Random(7));
    assertThat(CutTolerance.of("o|ihw", rows, C)).isEqualTo(sorted);
    assertThat(sorted.tolerableNormLoss()).isEqualTo(0.3);
  }

  @Test
  void aLargerToleranceToleratesMore() {
    List<SweepPoint> rows = List.of(p("a", 0, 0), p("b", 0.1, -0.7), p("c", 0.2, -1.5), p("d", 0.3, -4));
    assertThat(CutTolerance.of("o|ihw", rows, C).tolerableNormLoss()).isEqualTo(0.0);
    assertThat(CutTolerance.of("o|ihw", rows, new Criteria(1, 3, 0.05)).tolerableNormLoss()).isEqualTo(0.1);
    assertThat(CutTolerance.of("o|ihw", rows, new Criteria(2, 3, 0.05)).tolerableNormLoss()).isEqualTo(0.2);
  }
}
