package dev.convcut.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.WithEngine;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ZooArchitecture} passes, convcut's and a user's alike (extend this and name
 * the architecture): it is registered under its name; it builds for every stem it offers at its
 * smallest input and refuses a smaller one; it gives one logit per class; its layers have unique
 * names and each convolution can be replaced by a factorized form; running its stages in two
 * pieces at any stage boundary equals running them all (the sweep's prefix reuse depends on it);
 * the same seed gives the same weights.
 */
public abstract class ZooArchitectureContract extends WithEngine {
  protected abstract ZooArchitecture architecture();

  /** Input channels and classes the contract builds it with. */
  protected int channels() {
    return 3;
  }

  private ModelSpec spec(Stem stem, int size) {
    return new ModelSpec(architecture().name(), channels(), size, 5, stem);
  }

  @Test
  void itIsRegisteredUnderItsName() {
    assertThat(Architectures.find(architecture().name())).isSameAs(architecture());
    assertThat(architecture().description()).isNotBlank();
    assertThat(architecture().stems()).isNotEmpty().allMatch(s -> s.equals(Stem.CIFAR) || s.equals(Stem.IMAGENET));
  }

  @Test
  void everyStemBuildsAtItsSmallestInputAndGivesOneLogitPerClass() {
    for (Stem stem : architecture().stems()) {
      int min = architecture().minSize(stem);
      assertThatThrownBy(() -> spec(stem, min - 1)).hasMessageContaining(architecture().name())
          .hasMessageContaining(String.valueOf(min));
      try (Network net = ModelZoo.build(spec(stem, min), manager, 1); NDManager m = manager.newSubManager()) {
        NDArray y = net.forward(m.randomNormal(new Shape(2, channels(), min, min)), false);
        assertThat(y.getShape().getShape()).as(stem.spelling()).containsExactly(2, 5);
        assertThat(new HashSet<>(net.layerNames())).hasSameSizeAs(net.layerNames());
      }
    }
  }

  @Test
  void runningTheStagesInTwoPiecesAtAnyBoundaryEqualsRunningThemAll() {
    int size = Math.max(16, architecture().minSize(Stem.CIFAR));
    try (Network net = ModelZoo.build(spec(Stem.CIFAR, size), manager, 3); NDManager m = manager.newSubManager()) {
      NDArray x = m.randomNormal(new Shape(2, channels(), size, size));
      float[] all = net.forward(x, false).toFloatArray();
      for (int cut = 1; cut < net.stages().size(); cut++) {
        NDArray rest = net.forward(cut, net.stages().size(), net.forward(0, cut, x, false), false);
        assertThat(java.util.Arrays.equals(rest.toFloatArray(), all)).as("cut before stage %d", cut).isTrue();
      }
    }
  }

  @Test
  void everyConvolutionTakesAFactorizedFormAndTheSameSeedGivesTheSameWeights() {
    int size = Math.max(16, architecture().minSize(Stem.CIFAR));
    ModelSpec spec = spec(Stem.CIFAR, size);
    try (Network a = ModelZoo.build(spec, manager, 5); Network b = ModelZoo.build(spec, manager, 5)) {
      for (LayerInfo l : a.layerInfos()) {
        // Arrays.equals: AssertJ's containsExactly diffs element lists, far too slow for millions of weights.
        assertThat(java.util.Arrays.equals(a.weight(l.name()), b.weight(l.name()))).as(l.name()).isTrue();
      }
      LayerInfo conv = a.layerInfos().stream().filter(l -> l.kind() == LayerKind.CONV && l.groups() == 1).reduce((x, y) -> y)
          .orElseThrow();
      ConvSpec c = ((Conv2d) a.layer(conv.name())).spec();
      LayerForm chain = new LayerForm(LayerForm.Kind.FACTORIZED, List.of(
          new ConvSpec(c.inChannels(), 2, 1, 1, 1, 1, 0, 0, 1, 1, 1, false),
          new ConvSpec(2, c.outChannels(), c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padH(), c.padW(),
              c.dilationH(), c.dilationW(), 1, c.bias())), null);
      try (Network f = ModelZoo.build(spec, Map.of(conv.name(), chain), manager, 5); NDManager m = manager.newSubManager()) {
        assertThat(f.forms()).containsKey(conv.name());
        assertThat(f.forward(m.randomNormal(new Shape(1, channels(), size, size)), false).getShape().getShape())
            .containsExactly(1, 5);
      }
    }
  }
}
