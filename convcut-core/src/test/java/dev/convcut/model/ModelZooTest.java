package dev.convcut.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.convcut.WithEngine;
import dev.convcut.engine.Torch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelZooTest extends WithEngine {

  private static long[] outputShape(Network net, int channels, int size) {
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.randomNormal(new Shape(2, channels, size, size));
      return net.forward(x, false).getShape().getShape();
    }
  }

  @Test
  void cnn4AdaptsToChannelsSizeAndClasses() {
    try (Network net = ModelZoo.build(new ModelSpec("cnn4", 1, 28, 7), manager, 1)) {
      assertThat(outputShape(net, 1, 28)).containsExactly(2, 7);
      assertThat(net.layerNames()).containsExactly("features.0", "features.2", "features.6", "features.8",
          "classifier.1", "classifier.4");
      assertThat(net.param("classifier.1.weight").shape()).containsExactly(512, 64 * 7 * 7);
    }
  }

  @Test
  void resnet20HasNineteenConvolutionsTwoProjectionsAndTheTorchNames() {
    try (Network net = ModelZoo.build(new ModelSpec("resnet20", 3, 32, 10), manager, 1)) {
      assertThat(outputShape(net, 3, 32)).containsExactly(2, 10);
      assertThat(net.layerNames()).hasSize(19 + 2 + 1).contains("layer3.1.conv2", "layer2.0.downsample.0", "fc");
      assertThat(net.parameterCount()).isEqualTo(272_474);
      assertThat(net.stages()).hasSize(1 + 9 + 1);
      assertThat(net.stageOf("layer3.1.conv2")).isEqualTo(8);
    }
  }

  @Test
  void torchvisionResNetsHaveTheirParameterCounts() {
    // torchvision's counts with a CIFAR stem (3x3 conv1) and 10 classes.
    Map<String, Long> expected = Map.of("resnet18", 11_173_962L, "resnet34", 21_282_122L, "resnet50", 23_520_842L);
    expected.forEach((model, count) -> {
      try (Network net = ModelZoo.build(new ModelSpec(model, 3, 32, 10), manager, 1)) {
        assertThat(net.parameterCount()).as(model).isEqualTo(count);
      }
    });
  }

  @Test
  void imagenetStemDownsamplesByFourBeforeTheFirstBlock() {
    try (Network net = ModelZoo.build(new ModelSpec("resnet18", 3, 64, 5, Stem.IMAGENET), manager, 1)) {
      assertThat(outputShape(net, 3, 64)).containsExactly(2, 5);
      LayerInfo first = net.layerInfos().stream().filter(l -> l.name().equals("layer1.0.conv1")).findFirst().orElseThrow();
      assertThat(first.inputSize()).containsExactly(16, 16);
      assertThat(net.layer("conv1").info("stem").weightShape()).containsExactly(64L, 3L, 7L, 7L);
    }
  }

  @Test
  void runningStagesInTwoPiecesEqualsRunningThemAll() {
    try (Network net = ModelZoo.build(new ModelSpec("resnet20", 3, 16, 10), manager, 3); NDManager m = manager.newSubManager()) {
      NDArray x = m.randomNormal(new Shape(3, 3, 16, 16));
      NDArray all = net.forward(x, false);
      int cut = net.stageOf("layer2.1.conv1");
      NDArray mid = net.forward(0, cut, x, false);
      NDArray rest = net.forward(cut, net.stages().size(), mid, false);
      assertThat(rest.toFloatArray()).containsExactly(all.toFloatArray());
    }
  }

  @Test
  void theInferenceViewFoldsBatchNormsAndComputesTheSameFunction() {
    // A factorized layer too: the normalization goes into the last factor of its chain.
    LayerForm chain = new LayerForm(LayerForm.Kind.FACTORIZED,
        List.of(ConvSpec.square(32, 8, 1, 1, 0, false), ConvSpec.square(8, 32, 3, 1, 1, false)), null);
    try (Network net = ModelZoo.build(new ModelSpec("resnet20", 3, 16, 10), Map.of("layer2.1.conv1", chain), manager, 3);
        NDManager m = manager.newSubManager()) {
      // Statistics and affine parameters far from their initial 0 and 1, so a wrong fold shows.
      for (Param p : net.params()) {
        if (p.role() == Param.Role.RUNNING_VAR || p.role() == Param.Role.NORM_WEIGHT) {
          p.array().set(m.randomUniform(0.5f, 2f, p.array().getShape()).toFloatArray());
        } else if (p.role() == Param.Role.RUNNING_MEAN || p.role() == Param.Role.NORM_BIAS) {
          p.array().set(m.randomUniform(-0.5f, 0.5f, p.array().getShape()).toFloatArray());
        }
      }
      NDArray x = m.randomNormal(new Shape(4, 3, 16, 16));
      float[] plain = net.forward(x, false).toFloatArray();
      float[] folded;
      float[] bn1Before = net.param("bn1.running_var").array().toFloatArray();
      try (Network.Inference inference = net.inference()) {
        folded = inference.forward(x).toFloatArray();
        int cut = net.stageOf("layer2.1.conv1");
        NDArray rest = inference.forward(cut, net.stages().size(), inference.forward(0, cut, x));
        assertThat(rest.toFloatArray()).containsExactly(folded);
      }
      double scale = 0;
      double err = 0;
      for (int i = 0; i < plain.length; i++) {
        scale = Math.max(scale, Math.abs(plain[i]));
        err = Math.max(err, Math.abs(plain[i] - folded[i]));
      }
      assertThat(scale).isGreaterThan(0.01);
      assertThat(err / scale).isLessThan(1e-5);
      assertThat(net.param("bn1.running_var").array().toFloatArray()).containsExactly(bn1Before);
    }
  }

  @Test
  void whichNetworksTrainChannelsLast() {
    LayerForm chain = new LayerForm(LayerForm.Kind.FACTORIZED,
        List.of(ConvSpec.square(32, 8, 1, 1, 0, false), ConvSpec.square(8, 32, 3, 1, 1, false)), null);
    try (Network cnn4 = ModelZoo.build(new ModelSpec("cnn4", 3, 8, 10), manager, 1);
        Network gray = ModelZoo.build(new ModelSpec("resnet20", 1, 8, 10), manager, 1);
        Network r18 = ModelZoo.build(new ModelSpec("resnet18", 3, 8, 10), manager, 1);
        Network r50 = ModelZoo.build(new ModelSpec("resnet50", 3, 8, 10), manager, 1);
        Network factorized = ModelZoo.build(new ModelSpec("resnet20", 3, 8, 10), Map.of("layer2.1.conv1", chain), manager, 1)) {
      assertThat(cnn4.trainsChannelsLast()).isTrue();
      assertThat(r18.trainsChannelsLast()).isTrue();
      assertThat(gray.trainsChannelsLast()).isFalse();
      assertThat(r50.trainsChannelsLast()).isFalse();
      assertThat(factorized.trainsChannelsLast()).isFalse();
    }
  }

  /**
   * resnet20 mixes layouts: the projections' 1x1 convolutions take an NCHW copy, and their output
   * is added in place into the channels-last body output. A layout mistake (channels read as
   * pixels, a projection added in the wrong order) gives errors of order 1 in the loss and in the
   * last stage's gradients. Those are compared; the first stages' gradients are not, because
   * float rounding is amplified backwards through twenty training-mode batch norms of a small
   * batch of a random network (the first layer's gradient moves by up to 2 % when the input
   * moves by 1e-6; the last stage's by up to 8e-4 over 30 seeds) — the operations themselves
   * are checked against float64 in OpsTest.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 16, 20, 26})
  void aChannelsLastInputTrainsTheSameFunctionAndGradients(int seed) {
    try (Network net = ModelZoo.build(new ModelSpec("resnet20", 3, 16, 10), manager, seed); NDManager m = manager.newSubManager()) {
      m.getEngine().setRandomSeed(seed);
      NDArray x = m.randomNormal(new Shape(8, 3, 16, 16));
      String[] watched = {"loss", "layer3.0.downsample.0.weight", "layer3.0.conv1.weight", "layer3.2.conv2.weight",
          "layer3.2.bn2.weight", "fc.weight"};
      float[][][] got = new float[2][watched.length][];
      net.params().stream().filter(p -> p.role().trainable()).forEach(p -> p.array().setRequiresGradient(true));
      for (int pass = 0; pass < 2; pass++) {
        NDArray loss;
        try (GradientCollector gc = Torch.engine().newGradientCollector()) {
          loss = net.forward(pass == 0 ? x : Ops.channelsLast(x), true).sin().sum();
          gc.backward(loss);
        }
        got[pass][0] = new float[] {loss.getFloat()};
        for (int i = 1; i < watched.length; i++) {
          got[pass][i] = net.param(watched[i]).array().getGradient().toFloatArray();
        }
        // libtorch adds gradients up across backward passes.
        net.params().stream().filter(p -> p.role().trainable()).forEach(p -> Ops.zeroGrad(p.array()));
      }
      for (int i = 0; i < watched.length; i++) {
        assertThat(relativeDifference(got[1][i], got[0][i])).as(watched[i]).isLessThan(1e-2);
      }
    }
  }

  /** Largest absolute difference over the largest magnitude of {@code reference}. */
  private static double relativeDifference(float[] got, float[] reference) {
    double scale = 0;
    double err = 0;
    for (int j = 0; j < reference.length; j++) {
      scale = Math.max(scale, Math.abs(reference[j]));
      err = Math.max(err, Math.abs(got[j] - reference[j]));
    }
    return err / scale;
  }

  @Test
  void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
    ModelSpec spec = new ModelSpec("cnn4", 3, 8, 10);
    try (Network a = ModelZoo.build(spec, manager, 5); Network b = ModelZoo.build(spec, manager, 5);
        Network c = ModelZoo.build(spec, manager, 6)) {
      assertThat(a.weight("features.2")).containsExactly(b.weight("features.2"));
      assertThat(a.weight("features.2")).isNotEqualTo(c.weight("features.2"));
    }
  }

  @Test
  void aFactorizedFormForAnUnknownLayerIsRefused() {
    LayerForm form = new LayerForm(LayerForm.Kind.FACTORIZED, List.of(ConvSpec.square(3, 32, 3, 1, 1, true)), null);
    assertThatThrownBy(() -> ModelZoo.build(new ModelSpec("cnn4", 3, 8, 10), Map.of("features.1", form), manager, 1))
        .hasMessageContaining("features.1");
  }
}
