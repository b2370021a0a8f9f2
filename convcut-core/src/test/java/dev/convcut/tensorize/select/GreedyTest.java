package dev.convcut.tensorize.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.model.ConvSpec;
import dev.convcut.tensor.Cut;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyTest {
  static final Candidate ANY = new Candidate(Factorizer.standard().factorize(
      new DenseConv("x", new ConvSpec(2, 2, 1, 1, 1, 1, 0, 0, 1, 1, 1, false), 1, 1, new float[] {1, 2, 3, 4}, null),
      Method.svd(Cut.O_IHW), RankRequest.ranks(1)));

  static Greedy.Option option(long cost, double loss) {
    return new Greedy.Option(ANY, cost, loss);
  }

  /** Layer a saves 60 for 1 point or 90 for 5; layer b saves 50 for 0.2 points or 80 for 3. */
  static List<Greedy.LayerChoices> layers() {
    return List.of(
        new Greedy.LayerChoices("a", 100, List.of(option(40, 1.0), option(10, 5.0))),
        new Greedy.LayerChoices("b", 100, List.of(option(50, 0.2), option(20, 3.0))));
  }

  @Test
  void movesTheCheapestLossPerSavingFirstUntilTheBudgetIsMet() {
    Greedy.Selection s = Greedy.toCost(layers(), 20, 130, Resource.PARAMS);
    assertThat(s.steps()).extracting(Greedy.Step::layer).containsExactly("b", "a");
    assertThat(s.cost()).isEqualTo(20 + 40 + 50);
    assertThat(s.predictedLoss()).isEqualTo(1.2, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(s.fraction()).isEqualTo(110.0 / 220);
  }

  @Test
  void aTightBudgetTakesTheDeeperCuts() {
    Greedy.Selection s = Greedy.toCost(layers(), 0, 35, Resource.PARAMS);
    assertThat(s.cost()).isLessThanOrEqualTo(35);
    assertThat(s.chosen().get("a").cost()).isEqualTo(10);
    assertThat(s.chosen().get("b").cost()).isEqualTo(20);
  }

  @Test
  void anUnreachableBudgetIsRefusedWithTheClosestFraction() {
    assertThatThrownBy(() -> Greedy.toCost(layers(), 20, 40, Resource.PARAMS))
        .hasMessageContaining("cannot reach 0.1818").hasMessageContaining("gives 0.2273").hasMessageContaining("at least 0.2273");
  }

  @Test
  void aLossLimitKeepsTheSumWithinIt() {
    Greedy.Selection s = Greedy.withinLoss(layers(), 0, 1.5);
    assertThat(s.predictedLoss()).isLessThanOrEqualTo(1.5);
    assertThat(s.chosen()).containsOnlyKeys("a", "b");
    assertThat(s.cost()).isEqualTo(90);
    assertThat(Greedy.withinLoss(layers(), 0, 0.0).steps()).isEmpty();
  }

  @Test
  void aMoveThatGainsAccuracyComesFirst() {
    List<Greedy.LayerChoices> l = List.of(
        new Greedy.LayerChoices("a", 100, List.of(option(90, 0.01))),
        new Greedy.LayerChoices("b", 100, List.of(option(95, -0.3))));
    // b first; then a fits, since b's gain pays for its loss.
    assertThat(Greedy.withinLoss(l, 0, 0.0).steps()).extracting(Greedy.Step::layer).containsExactly("b", "a");
  }

  @Test
  void undoingTheLastMoveRestoresCostAndLoss() {
    Greedy.Selection s = Greedy.toCost(layers(), 0, 35, Resource.PARAMS);
    Greedy.Selection back = s.undoLast();
    Greedy.Step last = s.steps().get(s.steps().size() - 1);
    assertThat(back.cost()).isEqualTo(s.cost() - last.to().cost() + last.fromCost());
    assertThat(back.steps()).hasSize(s.steps().size() - 1);
    Greedy.Selection none = back;
    while (!none.steps().isEmpty()) {
      none = none.undoLast();
    }
    assertThat(none.cost()).isEqualTo(200);
    assertThat(none.chosen()).isEmpty();
    assertThat(none.predictedLoss()).isEqualTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
  }
}
