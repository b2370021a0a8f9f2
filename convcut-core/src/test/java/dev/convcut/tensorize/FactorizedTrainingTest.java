package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.convcut.WithEngine;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.model.Param;
import dev.convcut.tensor.Level;
import dev.convcut.tensorize.select.CandidateGrid;
import dev.convcut.train.Sgd;
import dev.convcut.train.TrainStep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every factorized form trains: a few SGD steps on cnn4 keep the loss and every parameter finite.
 * The tests run with {@code ONEDNN_MAX_CPU_ISA=AVX2} (the surefire configuration), as fine-tuning
 * in {@code convcut compress} does ({@link dev.convcut.engine.Torch#capCpuIsa}): with libtorch's
 * AVX-512 kernels this test failed on the development machine for svd:o|ihw and tucker2.
 */
class FactorizedTrainingTest extends WithEngine {
  static final ModelSpec CNN4 = new ModelSpec("cnn4", 1, 28, 10);

  static List<Method> methods() {
    return CandidateGrid.allMethods();
  }

  @org.junit.jupiter.api.Test
  void theKernelsAreCappedAsFineTuningCapsThem() {
    assertThat(dev.convcut.engine.Torch.cpuIsaCap()).isEqualTo("AVX2");
    assertThat(dev.convcut.engine.Torch.capCpuIsa("AVX2", "test")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void aCompressedCnn4TrainsWithFiniteLossAndWeights(Method method) {
    try (Network dense = ModelZoo.build(CNN4, manager, 5); NDManager m = manager.newSubManager()) {
      Factorizer f = Factorizer.standard();
      List<FactorizedLayer> layers = new ArrayList<>();
      for (String name : List.of("features.2", "features.6", "features.8")) {
        layers.add(f.factorize(DenseConv.of(dense, name), method, RankRequest.level(Level.keep(0.25))));
      }
      try (Network c = Compressor.apply(dense, layers, manager)) {
        TrainStep step = new TrainStep(c, new Sgd(0.9, true, 5e-4, true), 0);
        NDArray labels = m.create(new long[] {0, 1, 2, 3, 4, 5, 6, 7}).toType(DataType.INT64, false);
        for (int s = 0; s < 3; s++) {
          NDArray x = m.randomNormal(new Shape(8, 1, 28, 28));
          float loss = step.run(x, labels, 0.01).loss();
          assertThat(loss).as("%s, step %d", method, s + 1).isFinite();
        }
        for (Param p : c.params()) {
          for (float v : p.array().toFloatArray()) {
            assertThat(v).as("%s after training, %s", method, p.name()).isFinite();
          }
        }
      }
    }
  }
}
