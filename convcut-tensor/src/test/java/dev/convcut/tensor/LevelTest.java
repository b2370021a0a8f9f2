package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LevelTest {
  /** Ten singular values 10, 9, ..., 1 of a 10 × 12 matrix. */
  private static final CutSpectrum TEN = new CutSpectrum(Cut.O_IHW, 10, 12, new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1});

  @ParameterizedTest
  @CsvSource({"rank8,rank8", "rank=8,rank8", "keep0.25,keep0.25", "keep=0.25,keep0.25", "loss0.1,loss0.1",
      "tol1e-3,tol0.001", "KEEP=1.0,keep1", " tol=0 ,tol0"})
  void parsingAcceptsBothFormsAndPrintsCanonically(String text, String canonical) {
    assertThat(Level.parse(text).toString()).isEqualTo(canonical);
    assertThat(Level.parse(canonical)).isEqualTo(Level.parse(text));
  }

  @Test
  void unknownOrMalformedLevelsSayWhatWouldBeValid() {
    assertThatThrownBy(() -> Level.parse("half")).hasMessageContaining("expected rank=K, keep=F, loss=ETA or tol=TAU");
    assertThatThrownBy(() -> Level.parse("rank2.5")).hasMessageContaining("'2.5' is not a whole number");
    assertThatThrownBy(() -> Level.parse("keep=")).hasMessageContaining("is not a number");
  }

  @Test
  void outOfRangeValuesAreRefusedNamingThem() {
    assertThatThrownBy(() -> Level.parse("rank0")).hasMessageContaining("rank must be ≥ 1, got 0");
    assertThatThrownBy(() -> Level.parse("keep0")).hasMessageContaining("(0, 1], got 0.0");
    assertThatThrownBy(() -> Level.parse("keep1.5")).hasMessageContaining("got 1.5");
    assertThatThrownBy(() -> Level.parse("loss-0.1")).hasMessageContaining("[0, 1], got -0.1");
    assertThatThrownBy(() -> Level.parse("tol2")).hasMessageContaining("[0, 1], got 2.0");
    assertThatThrownBy(() -> Level.keep(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void aRankAboveTheFullRankNamesTheCutAndTheValidRanks() {
    assertThatThrownBy(() -> Level.rank(11).rankFor(TEN))
        .hasMessageContaining("rank=11 is above the full rank 10 of cut o|ihw")
        .hasMessageContaining("1..10");
  }

  @ParameterizedTest
  @CsvSource({"0.1,1", "0.3,3", "0.25,3", "0.01,1", "1.0,10", "0.7,7", "0.9,9"})
  void keepRoundsUpTheKeptFractionOfTheFullRank(double fraction, int expected) {
    assertThat(Level.keep(fraction).rankFor(TEN)).isEqualTo(expected);
  }

  @Test
  void lossPicksTheSmallestRankWithinTheLoss() {
    for (double eta : new double[] {0, 1e-4, 0.01, 0.05, 0.2, 0.5, 1}) {
      int k = Level.loss(eta).rankFor(TEN);
      assertThat(TEN.normLoss(k)).isLessThanOrEqualTo(eta);
      if (k > 1) {
        assertThat(TEN.normLoss(k - 1)).isGreaterThan(eta);
      }
    }
    assertThat(Level.loss(0).rankFor(TEN)).isEqualTo(10);
    assertThat(Level.loss(1).rankFor(TEN)).isEqualTo(1);
  }

  @Test
  void tolKeepsValuesAtLeastTauTimesTheLargest() {
    assertThat(Level.tol(0.5).rankFor(TEN)).isEqualTo(6);
    assertThat(Level.tol(0.55).rankFor(TEN)).isEqualTo(5);
    assertThat(Level.tol(0).rankFor(TEN)).isEqualTo(10);
    assertThat(Level.tol(1).rankFor(TEN)).isEqualTo(1);
  }
}
