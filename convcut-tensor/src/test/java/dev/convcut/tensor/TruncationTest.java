package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.tensor.Truncation.Step;
import dev.convcut.tensor.linalg.Svd;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TruncationTest {
  private final Kernel w = TestKernels.gaussian(new Random(41), 8, 6, 3, 3);

  @Test
  void aSingleStepEqualsTheCutSvdTruncation() {
    TruncationResult r = Truncation.of(Cut.OH_IW, Level.rank(5)).apply(w);
    TruncatedKernel t = CutSvd.of(w, Cut.OH_IW).truncate(5);
    assertThat(r.truncated()).isEqualTo(t.kernel());
    assertThat(r.normLoss()).isEqualTo(t.normLoss());
    assertThat(r.relError()).isEqualTo(t.relError());
    assertThat(r.discarded()).isEqualTo(t.discarded());
  }

  @Test
  void laterStepsActOnTheTruncatedKernelAndMetricsCompareWithTheOriginal() {
    TruncationResult r = Truncation.of(List.of(new Step(Cut.O_IHW, Level.rank(4)), new Step(Cut.OHW_I, Level.rank(3)))).apply(w);
    Kernel first = CutSvd.of(w, Cut.O_IHW).truncate(4).kernel();
    Kernel second = CutSvd.of(first, Cut.OHW_I).truncate(3).kernel();
    assertThat(r.truncated().distance(second)).isLessThan(1e-12);
    assertThat(r.steps()).hasSize(2);
    assertThat(r.normLoss()).isCloseTo(1 - second.norm() / w.norm(), within(1e-12));
    assertThat(r.relError()).isCloseTo(second.relativeErrorTo(w), within(1e-12));
    assertThat(r.discarded()).isCloseTo(1 - Math.pow(1 - r.normLoss(), 2), within(1e-12));
    assertThat(r.rankProfile().rank(Cut.O_IHW)).isEqualTo(4);
    assertThat(r.rankProfile().rank(Cut.OHW_I)).isEqualTo(3);
  }

  @Test
  void orderMattersForGeneralCuts() {
    Kernel ab = Truncation.of(List.of(new Step(Cut.OH_IW, Level.rank(2)), new Step(Cut.OI_HW, Level.rank(2)))).apply(w).truncated();
    Kernel ba = Truncation.of(List.of(new Step(Cut.OI_HW, Level.rank(2)), new Step(Cut.OH_IW, Level.rank(2)))).apply(w).truncated();
    assertThat(ab.distance(ba)).isGreaterThan(1e-6);
  }

  @Test
  void theFirstStepReusesTheOriginalKernelsDecomposition() {
    CutSvdsTest.CountingSvd counting = new CutSvdsTest.CountingSvd();
    CutSvds original = CutSvds.of(w, counting);
    Truncation t = Truncation.of(List.of(new Step(Cut.O_IHW, Level.rank(4)), new Step(Cut.OHW_I, Level.rank(3))));
    t.apply(original, counting);
    t.apply(original, counting);
    assertThat(original.decompositions()).isEqualTo(1);
    assertThat(counting.thin).hasValue(3);
  }

  @Test
  void aStepWhoseCutDoesNotFitTheKernelIsRefusedBeforeAnyWork() {
    assertThatThrownBy(() -> Truncation.of(Cut.OH_IW, Level.rank(1)).apply(Kernel.zeros(3, 4)))
        .hasMessageContaining("cut oh|iw is for 4-index kernels");
    assertThatThrownBy(() -> Truncation.of(List.of())).hasMessageContaining("at least one step");
    assertThatThrownBy(() -> new Step(null, Level.rank(1))).hasMessageContaining("needs a cut and a level");
  }

  @Test
  void aTwoIndexKernelTruncatesAlongItsOneCut() {
    Kernel fc = TestKernels.gaussian(new Random(42), 10, 7);
    TruncationResult r = Truncation.of(Cut.O_I, Level.rank(3)).apply(fc);
    assertThat(r.rankProfile().rank(Cut.O_I)).isEqualTo(3);
    assertThat(r.truncated().shape()).containsExactly(10, 7);
    assertThat(Svd.standard().name()).isEqualTo("lapack-dgesdd");
  }
}
