package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.tensor.linalg.Svd;
import dev.convcut.tensor.linalg.TestMatrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of truncation along cuts, which every {@link Svd} implementation passes: exact
 * reconstruction at full rank, monotone norm loss, the single-cut identity {@code (1−η)² + δ² =
 * 1}, the Tucker property of single-index cuts, known spectra, odd shapes, untouched input and
 * refused bad requests.
 */
public abstract class TruncationContract {
  protected abstract Svd svd();

  /** Odd and ordinary shapes: 1×1 kernels, O = 1, I = 1, all-ones, a linear layer. */
  static Stream<int[]> shapes() {
    return Stream.of(new int[] {6, 4, 3, 3}, new int[] {5, 3, 1, 1}, new int[] {1, 4, 3, 3}, new int[] {6, 1, 3, 3},
        new int[] {1, 1, 1, 1}, new int[] {4, 3, 1, 5}, new int[] {2, 2, 2, 2}, new int[] {7, 5});
  }

  static Stream<Arguments> cutsOfShapes() {
    List<Arguments> list = new ArrayList<>();
    shapes().forEach(shape -> Cut.forOrder(shape.length).forEach(c -> list.add(Arguments.of(Kernel.format(shape), shape, c))));
    return list.stream();
  }

  private Kernel random(int[] shape, long seed) {
    return TestKernels.gaussian(new Random(seed), shape);
  }

  @ParameterizedTest(name = "{0} along {2}")
  @MethodSource("cutsOfShapes")
  void fullRankReproducesTheKernel(String name, int[] shape, Cut cut) {
    Kernel w = random(shape, 11);
    CutSvd d = CutSvd.of(w, cut, svd());
    TruncatedKernel t = d.truncate(d.spectrum().fullRank());
    assertThat(t.kernel().relativeErrorTo(w)).isLessThanOrEqualTo(1e-10);
    assertThat(t.normLoss()).isZero();
    // And through the factors themselves, not the shortcut that returns the kernel at full rank.
    assertThat(cut.fold(d.svd().reconstruct(), shape).relativeErrorTo(w)).isLessThanOrEqualTo(1e-10);
  }

  @ParameterizedTest(name = "{0} along {2}")
  @MethodSource("cutsOfShapes")
  void normLossNeverDecreasesAsRankDropsAndMatchesTheKernels(String name, int[] shape, Cut cut) {
    Kernel w = random(shape, 12);
    CutSvd d = CutSvd.of(w, cut, svd());
    double previous = 0;
    for (int k = d.spectrum().fullRank(); k >= 1; k--) {
      TruncatedKernel t = d.truncate(k);
      assertThat(t.normLoss()).isGreaterThanOrEqualTo(previous);
      previous = t.normLoss();
      double eta = t.normLoss();
      double delta = t.relError();
      assertThat((1 - eta) * (1 - eta) + delta * delta).isCloseTo(1, within(1e-12));
      assertThat(1 - t.kernel().norm() / w.norm()).isCloseTo(eta, within(1e-10));
      assertThat(t.kernel().relativeErrorTo(w)).isCloseTo(delta, within(1e-10));
      assertThat(t.discarded()).isCloseTo(delta * delta, within(1e-14));
    }
  }

  @Test
  void aSingleIndexTruncationNeverRaisesTheRankAlongAnotherSingleIndexCut() {
    Kernel w = TestKernels.gaussian(new Random(13), 6, 5, 3, 3);
    // A kernel of low multilinear rank, so that the other cuts have something to lose.
    Kernel low = Truncation.of(List.of(new Truncation.Step(Cut.OHW_I, Level.rank(2)), new Truncation.Step(Cut.OIW_H, Level.rank(2))))
        .apply(CutSvds.of(w, svd()), svd()).truncated();
    RankProfile before = RankProfile.of(low, svd());
    for (Cut cut : List.of(Cut.O_IHW, Cut.OHW_I, Cut.OIW_H, Cut.OIH_W)) {
      for (int k = 1; k <= CutSvd.of(low, cut, svd()).spectrum().fullRank(); k++) {
        RankProfile after = RankProfile.of(CutSvd.of(low, cut, svd()).truncate(k).kernel(), svd());
        for (Cut other : List.of(Cut.O_IHW, Cut.OHW_I, Cut.OIW_H, Cut.OIH_W)) {
          assertThat(after.rank(other)).as("%s after %s at rank %d", other, cut, k).isLessThanOrEqualTo(before.rank(other));
        }
        assertThat(after.rank(cut)).isLessThanOrEqualTo(k);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cutsOfShapes")
  void knownSingularValuesFromRandomOrthogonalFactorsAreRecovered(String name, int[] shape, Cut cut) {
    Kernel template = Kernel.zeros(shape);
    int r = cut.fullRank(template);
    double[] expected = TestMatrices.geometric(r, 1e-6);
    Kernel w = TestKernels.withSingularValues(new Random(14), cut, shape, expected);
    double[] got = CutSvds.of(w, svd()).spectrum(cut).values();
    for (int j = 0; j < r; j++) {
      assertThat(got[j]).as("s[%d]", j).isCloseTo(expected[j], within(1e-10));
    }
  }

  @Test
  void aZeroKernelTruncatesToZeroWithoutLoss() {
    Kernel zero = Kernel.zeros(4, 3, 3, 3);
    for (Cut cut : Cut.fourIndex()) {
      TruncatedKernel t = CutSvd.of(zero, cut, svd()).truncate(Level.keep(0.5));
      assertThat(t.kernel().norm()).isZero();
      assertThat(t.normLoss()).isZero();
      assertThat(t.relError()).isZero();
      assertThat(CutSvd.of(zero, cut, svd()).spectrum().entropies()).isEqualTo(new Entropies(0, 0, 0, 0));
    }
  }

  @Test
  void tinyAndHugeMagnitudesGiveTheSameRelativeResults() {
    Kernel w = random(new int[] {5, 4, 3, 3}, 15);
    TruncatedKernel base = CutSvd.of(w, Cut.OH_IW, svd()).truncate(3);
    for (double scale : new double[] {1e-150, 1e-300, 1e150, 1e300}) {
      Kernel s = TestKernels.scaled(w, scale);
      TruncatedKernel t = CutSvd.of(s, Cut.OH_IW, svd()).truncate(3);
      assertThat(t.normLoss()).as("scale %s", scale).isCloseTo(base.normLoss(), within(1e-12));
      assertThat(t.kernel().relativeErrorTo(s)).as("scale %s", scale).isCloseTo(base.relError(), within(1e-10));
    }
  }

  @Test
  void theInputKernelIsNeverModified() {
    Kernel w = random(new int[] {4, 3, 3, 3}, 16);
    double[] before = w.toDoubleArray();
    for (Cut cut : Cut.fourIndex()) {
      CutSvd d = CutSvd.of(w, cut, svd());
      d.truncate(1);
      d.truncate(d.spectrum().fullRank() - 1);
    }
    assertThat(w.toDoubleArray()).containsExactly(before);
  }

  @ParameterizedTest(name = "{0} along {2}")
  @MethodSource("cutsOfShapes")
  void singularValuesAreSortedDescending(String name, int[] shape, Cut cut) {
    double[] s = CutSvds.of(random(shape, 17), svd()).spectrum(cut).values();
    for (int j = 1; j < s.length; j++) {
      assertThat(s[j]).isLessThanOrEqualTo(s[j - 1]);
    }
  }

  @Test
  void rankZeroOrAboveTheFullRankIsRefusedNamingIt() {
    CutSvd d = CutSvd.of(random(new int[] {4, 3, 3, 3}, 18), Cut.OIH_W, svd());
    assertThatThrownBy(() -> d.truncate(0)).hasMessageContaining("rank 0 is outside 1..3 for cut oih|w");
    assertThatThrownBy(() -> d.truncate(4)).hasMessageContaining("rank 4 is outside 1..3");
    assertThatThrownBy(() -> d.truncate(Level.rank(4))).hasMessageContaining("rank=4 is above the full rank 3 of cut oih|w");
  }
}
