package dev.convcut.tensorize.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.convcut.engine.Torch;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.tensor.Cut;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AutoPlannerTest {
  static final List<String> LAYERS = List.of("layer2.1.conv1", "layer3.1.conv1", "layer3.1.conv2");
  static NDManager manager;
  static Network net;

  @BeforeAll
  static void start() {
    Torch.configure(2);
    manager = NDManager.newBaseManager();
    net = ModelZoo.build(new ModelSpec("resnet20", 1, 8, 10), manager, 4);
  }

  @AfterAll
  static void stop() {
    net.close();
    manager.close();
  }

  static MeasuredSensitivity sensitivity() {
    return MeasuredSensitivityTest.sensitivity(net, MeasuredSensitivityTest.random(60));
  }

  static CandidateGrid grid(Resource r) {
    return new CandidateGrid(List.of(Method.svd(Cut.O_IHW), Method.TUCKER2), List.of(0.1, 0.5), r,
        Factorizer.standard());
  }

  @Test
  void aParameterTargetIsMetCountingTheLayersNotInPlay() {
    MeasuredSensitivity s = sensitivity();
    AutoPlanner.Plan p = AutoPlanner.plan(net, LAYERS, grid(Resource.PARAMS), s, s,
        AutoPlanner.Target.fraction(Resource.PARAMS, 0.8), null);
    assertThat(p.selection().fraction()).isLessThanOrEqualTo(0.8);
    long inPlayDense = LAYERS.stream().mapToLong(l -> DenseConv.of(net, l).params()).sum();
    assertThat(p.selection().denseCost()).isGreaterThan(inPlayDense);
    assertThat(p.choices()).extracting(Greedy.LayerChoices::layer).containsExactlyElementsOf(LAYERS);
    assertThat(p.baselineTop1()).isEqualTo(s.baselineTop1());
  }

  @Test
  void aDropLimitHoldsOnTheCombinedModel() {
    MeasuredSensitivity s = sensitivity();
    AutoPlanner.Plan p = AutoPlanner.plan(net, LAYERS, grid(Resource.PARAMS), s, s,
        AutoPlanner.Target.maxDrop(0.0), null);
    assertThat(100 * (p.baselineTop1() - p.combinedTop1())).isLessThanOrEqualTo(1e-9);
  }

  @Test
  void aSpeedGateKeepsSlowChainsOutOfTheSelectionAndTheirSpeedsInThePlan() {
    MeasuredSensitivity s = sensitivity();
    // pretend every chain with a grouped (depthwise) convolution, and every tensor train, is slower than dense
    SpeedGate gate = new SpeedGate(1.0, (layer, c) -> c.factorized().form().factors().stream().anyMatch(f -> f.groups() > 1)
        || c.method().decomposition() == dev.convcut.tensorize.Decompositions.TT ? 0.5 : 2.0);
    AutoPlanner.Plan p = AutoPlanner.plan(net, LAYERS, grid(Resource.PARAMS), s, s,
        AutoPlanner.Target.fraction(Resource.PARAMS, 0.8), gate);
    assertThat(p.speedups()).isNotEmpty();
    for (Greedy.LayerChoices l : p.choices()) {
      assertThat(l.options()).allSatisfy(o -> assertThat(p.speedup(o.candidate())).isEqualTo(2.0));
    }
    assertThat(p.choices()).flatExtracting(Greedy.LayerChoices::options).extracting(o -> o.candidate().method().decomposition())
        .doesNotContain(dev.convcut.tensorize.Decompositions.TT);
  }

  @Test
  void targetsOutsideTheirRangesAreRefused() {
    assertThatThrownBy(() -> AutoPlanner.Target.fraction(Resource.MACS, 1.0)).hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> AutoPlanner.Target.maxDrop(-1)).hasMessageContaining(">= 0");
  }
}
