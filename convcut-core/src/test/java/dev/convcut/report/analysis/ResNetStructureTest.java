package dev.convcut.report.analysis;

import static dev.convcut.report.analysis.Points.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.report.data.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's view of a residual network, on a synthetic resnet20-shaped sweep whose answers are set by hand. */
class ResNetStructureTest {
  private static final Criteria C = Criteria.defaults();

  /** resnet20's 21 convolutions in depth order, as torchvision names them. */
  static List<String> resnet20() {
    List<String> names = new ArrayList<>(List.of("conv1"));
    for (int s = 1; s <= 3; s++) {
      for (int b = 0; b < 3; b++) {
        names.add("layer" + s + "." + b + ".conv1");
        names.add("layer" + s + "." + b + ".conv2");
        if (s > 1 && b == 0) {
          names.add("layer" + s + "." + b + ".downsample.0");
        }
      }
    }
    return names;
  }

  /** The tolerable norm loss set by hand: stem 5%, first convs 10% + 1% per stage, second 20% + 1% per stage, projections 30%. */
  static double tolerable(String layer) {
    if (layer.equals("conv1")) {
      return 0.05;
    }
    int stage = layer.charAt(5) - '0';
    return layer.endsWith("downsample.0") ? 0.30 : layer.endsWith("conv1") ? 0.10 + 0.01 * stage : 0.20 + 0.01 * stage;
  }

  /** Along o|ihw exactly {@link #tolerable}; along ohw|i half of it. */
  static List<LayerSummary> sweep(List<String> names) {
    List<SweepPoint> rows = new ArrayList<>();
    for (int d = 0; d < names.size(); d++) {
      String l = names.get(d);
      double t = tolerable(l);
      rows.add(at(l, d, "o|ihw", "a", t, -0.1));
      rows.add(at(l, d, "o|ihw", "b", t + 0.05, -3));
      rows.add(at(l, d, "ohw|i", "a", t / 2, 0));
      rows.add(at(l, d, "ohw|i", "b", t / 2 + 0.01, -2));
    }
    return LayerSummary.all(rows, C);
  }

  @Test
  void torchvisionNamesGiveStagesBlocksAndKinds() {
    List<LayerRole> roles = LayerRole.of(sweep(resnet20()));
    assertThat(roles).hasSize(21);
    assertThat(roles.get(0)).isEqualTo(new LayerRole("conv1", 0, "stem", -1, LayerRole.Kind.STEM));
    assertThat(roles.get(1)).isEqualTo(new LayerRole("layer1.0.conv1", 1, "layer1", 0, LayerRole.Kind.FIRST));
    assertThat(roles.get(9)).isEqualTo(new LayerRole("layer2.0.downsample.0", 9, "layer2", 0, LayerRole.Kind.PROJECTION));
    assertThat(roles.get(20)).isEqualTo(new LayerRole("layer3.2.conv2", 20, "layer3", 2, LayerRole.Kind.SECOND));
    assertThat(roles.stream().filter(r -> r.kind() == LayerRole.Kind.PROJECTION)).hasSize(2);
    assertThat(roles.stream().filter(r -> r.kind() == LayerRole.Kind.FIRST)).hasSize(9);
    assertThat(LayerRole.residual(roles)).isTrue();
  }

  @Test
  void aPlainNetworkHasNoStagesAndNoKindTrends() {
    List<LayerSummary> layers = sweep(List.of("conv1", "features.2", "features.6", "features.8"));
    List<LayerRole> roles = LayerRole.of(layers);
    assertThat(roles).extracting(LayerRole::kind).containsOnly(LayerRole.Kind.PLAIN);
    assertThat(LayerRole.residual(roles)).isFalse();
    assertThat(StageSummary.of(layers, roles, List.of("o|ihw"))).isEmpty();
  }

  @Test
  void stagesAverageEachKindAndEachCut() {
    List<LayerSummary> layers = sweep(resnet20());
    List<StageSummary> stages = StageSummary.of(layers, LayerRole.of(layers), List.of("o|ihw", "ohw|i"));
    assertThat(stages).extracting(StageSummary::stage).containsExactly("stem", "layer1", "layer2", "layer3");
    assertThat(stages).extracting(StageSummary::layers).containsExactly(1, 6, 7, 7);
    StageSummary two = stages.get(2);
    assertThat(two.perKind().get(LayerRole.Kind.FIRST)).isEqualTo(0.12, within(1e-12));
    assertThat(two.perKind().get(LayerRole.Kind.SECOND)).isEqualTo(0.22, within(1e-12));
    assertThat(two.perKind().get(LayerRole.Kind.PROJECTION)).isEqualTo(0.30, within(1e-12));
    assertThat(two.perKind()).doesNotContainKey(LayerRole.Kind.STEM);
    double mean = (3 * 0.12 + 3 * 0.22 + 0.30) / 7;
    assertThat(two.bestCutMean()).isEqualTo(mean, within(1e-12));
    assertThat(two.perCut().get("o|ihw")).isEqualTo(mean, within(1e-12));
    assertThat(two.perCut().get("ohw|i")).isEqualTo(mean / 2, within(1e-12));
    assertThat(stages.get(0).perKind()).containsOnlyKeys(LayerRole.Kind.STEM);
  }

  @Test
  void theAnalysisJudgesTheBlocksFirstAndSecondConvolutionsApart() {
    List<SweepPoint> rows = new ArrayList<>();
    List<String> names = resnet20();
    for (int d = 0; d < names.size(); d++) {
      String l = names.get(d);
      rows.add(at(l, d, "o|ihw", "a", tolerable(l), -0.1));
      rows.add(at(l, d, "o|ihw", "b", tolerable(l) + 0.05, -3));
    }
    var run = new dev.convcut.report.data.StudyRun(null, null, null, null, new dev.convcut.report.data.Sweep(null, rows), null, null,
        null);
    Findings f = Analysis.analyze(run, C);
    assertThat(f.depthTrend().layers()).isEqualTo(21);
    assertThat(f.depthTrend().ciLow()).isNotNull();
    assertThat(f.depthTrendPerKind()).extracting(DepthTrend::label)
        .containsExactly("the blocks' first convolutions, best cut", "the blocks' second convolutions, best cut");
    // Within each kind the values rise stage by stage (ties inside a stage): a positive rank correlation over 9 layers.
    for (DepthTrend t : f.depthTrendPerKind()) {
      assertThat(t.layers()).isEqualTo(9);
      assertThat(t.rho()).isEqualTo(Spearman.rho(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, new double[] {1, 1, 1, 2, 2, 2, 3, 3, 3}),
          within(1e-12));
      assertThat(t.verdict()).isEqualTo(Verdict.HELD);
    }
    assertThat(f.stages()).hasSize(4);
    assertThat(f.noise()).as("no baseline row, no noise.csv").isNull();
  }
}
