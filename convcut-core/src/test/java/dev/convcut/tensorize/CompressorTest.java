package dev.convcut.tensorize;

import dev.convcut.WithEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.checkpoint.Preprocessing;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Level;
import dev.convcut.train.Sgd;
import dev.convcut.train.TrainStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressorTest extends WithEngine {
  static final ModelSpec SPEC = new ModelSpec("resnet20", 1, 12, 10);


  static List<FactorizedLayer> fullRank(Network net) {
    Factorizer f = Factorizer.standard();
    Level all = Level.keep(1.0);
    return List.of(
        f.factorize(DenseConv.of(net, "conv1"), Method.svd(Cut.O_IHW), RankRequest.level(all)),
        f.factorize(DenseConv.of(net, "layer1.0.conv2"), Method.TUCKER2, RankRequest.level(all)),
        f.factorize(DenseConv.of(net, "layer2.0.conv1"), Method.svd(Cut.OH_IW), RankRequest.level(all)),
        f.factorize(DenseConv.of(net, "layer2.0.downsample.0"), Method.svd(Cut.O_IHW), RankRequest.level(all)),
        f.factorize(DenseConv.of(net, "layer3.1.conv1"), Method.TT, RankRequest.level(all)));
  }

  static float[] logits(Network net, NDArray x) {
    return net.forward(x, false).toFloatArray();
  }

  static double relError(float[] a, float[] b) {
    double d = 0;
    double n = 0;
    for (int k = 0; k < a.length; k++) {
      d += (a[k] - b[k]) * (double) (a[k] - b[k]);
      n += b[k] * (double) b[k];
    }
    return Math.sqrt(d / n);
  }

  @Test
  void atFullRankTheCompressedNetworkGivesTheDenseLogits() {
    try (Network dense = ModelZoo.build(SPEC, manager, 3); NDManager m = manager.newSubManager()) {
      NDArray x = m.randomNormal(new Shape(4, 1, 12, 12));
      try (Network c = Compressor.apply(dense, fullRank(dense), manager)) {
        assertThat(c.forms()).containsOnlyKeys("conv1", "layer1.0.conv2", "layer2.0.conv1", "layer2.0.downsample.0",
            "layer3.1.conv1");
        assertThat(c.param("layer1.0.conv2.weight")).isNull();
        assertThat(c.param("layer2.0.conv1.factors.1.weight")).isNotNull();
        assertThat(relError(logits(c, x), logits(dense, x))).isLessThan(1e-4);
      }
    }
  }

  @Test
  void factorWeightsReceiveGradientsAndTrain() {
    try (Network dense = ModelZoo.build(SPEC, manager, 3);
        Network c = Compressor.apply(dense, fullRank(dense), manager);
        NDManager m = manager.newSubManager()) {
      float[] before = c.param("layer3.1.conv1.factors.1.weight").array().toFloatArray();
      float[] bnBefore = c.param("layer3.1.bn1.weight").array().toFloatArray();
      TrainStep step = new TrainStep(c, new Sgd(0.9, false, 0, true), 0);
      step.run(m.randomNormal(new Shape(4, 1, 12, 12)), m.create(new long[] {0, 1, 2, 3}).toType(DataType.INT64, false), 0.1);
      assertThat(c.param("layer3.1.conv1.factors.1.weight").array().toFloatArray()).isNotEqualTo(before);
      assertThat(c.param("layer3.1.bn1.weight").array().toFloatArray()).isNotEqualTo(bnBefore);
    }
  }

  @Test
  void aCompressedCheckpointSavesAndLoadsWithItsForms(@TempDir Path tmp) {
    try (Network dense = ModelZoo.build(SPEC, manager, 3);
        Network c = Compressor.apply(dense, fullRank(dense), manager);
        NDManager m = manager.newSubManager()) {
      NDArray x = m.randomNormal(new Shape(2, 1, 12, 12));
      Path dir = tmp.resolve("ck");
      Checkpoints.save(dir, false, c, Architecture.of(SPEC, c.forms(), Preprocessing.centered(1), "x", List.of()), null,
          Map.of(), Provenance.start("test", List.of()), null);
      try (Checkpoint back = Checkpoints.load(dir, manager)) {
        assertThat(back.network().forms()).isEqualTo(c.forms());
        assertThat(back.network().forms().get("layer3.1.conv1").origin()).startsWith("tt rank");
        assertThat(logits(back.network(), x)).containsExactly(logits(c, x));
      }
    }
  }

  @Test
  void anAlreadyFactorizedLayerIsNotFactorizedAgain() {
    try (Network dense = ModelZoo.build(SPEC, manager, 3); Network c = Compressor.apply(dense, fullRank(dense), manager)) {
      assertThatThrownBy(() -> DenseConv.of(c, "layer2.0.conv1")).hasMessageContaining("already factorized");
      assertThatThrownBy(() -> DenseConv.of(c, "fc")).hasMessageContaining("linear");
    }
  }
}
