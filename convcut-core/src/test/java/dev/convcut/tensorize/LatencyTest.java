package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.convcut.engine.Torch;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.tensor.Cut;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyTest {
  @Test
  void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
    assertThat(Latency.median(new double[] {5, 1, 3})).isEqualTo(3);
    assertThat(Latency.median(new double[] {4, 1, 3, 100})).isEqualTo(3.5);
  }

  @Test
  void bothModelsAndEachFactorizedLayerAreTimed() {
    Torch.configure(2);
    try (NDManager m = NDManager.newBaseManager(); Network dense = ModelZoo.build(new ModelSpec("cnn4", 1, 8, 10), m, 2)) {
      FactorizedLayer f = Factorizer.standard().factorize(DenseConv.of(dense, "features.8"), Method.svd(Cut.OH_IW),
          RankRequest.ranks(4));
      try (Network c = Compressor.apply(dense, List.of(f), m)) {
        Latency.Settings s = new Latency.Settings(4, 1, 3);
        Latency.Pair model = Latency.model(dense, c, s);
        assertThat(model.denseMs()).isPositive();
        assertThat(model.factorizedMs()).isPositive();
        assertThat(model.denseCpuMs()).isGreaterThanOrEqualTo(0);
        Map<String, Latency.Pair> layers = Latency.layers(dense, c, List.of("features.8"), s);
        assertThat(layers).containsOnlyKeys("features.8");
        assertThat(layers.get("features.8").speedup()).isPositive();
      }
    }
  }

  @Test
  void settingsOutsideTheirRangesAreRefused() {
    assertThatThrownBy(() -> new Latency.Settings(0, 1, 1)).hasMessageContaining("batch >= 1");
    assertThatThrownBy(() -> new Latency.Settings(1, 1, 0)).hasMessageContaining("repeats >= 1");
  }
}
