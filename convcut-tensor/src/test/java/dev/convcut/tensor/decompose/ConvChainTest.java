package dev.convcut.tensor.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.TestKernels;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvChainTest {
  private final Random rng = new Random(61);

  private double[] image(int channels, int size) {
    double[] x = new double[channels * size * size];
    for (int k = 0; k < x.length; k++) {
      x[k] = rng.nextGaussian();
    }
    return x;
  }

  @Test
  void theComposedKernelComputesWhatTheChainComputes() {
    // A grouped first conv (2 groups) and a grouped second conv (3 groups), both with spatial extent.
    ConvFactor first = new ConvFactor(TestKernels.gaussian(rng, 6, 2, 2, 1), 2, SpatialAxes.ROWS);
    ConvFactor second = new ConvFactor(TestKernels.gaussian(rng, 3, 2, 1, 3), 3, SpatialAxes.COLUMNS);
    double[] x = image(4, 7);
    double[] chain = Conv2d.apply(Conv2d.apply(x, 4, 7, 7, first.weight(), 2), 6, 6, 7, second.weight(), 3);
    Kernel dense = ConvChain.collapse(List.of(first, second));
    assertThat(dense.shape()).containsExactly(3, 4, 2, 3);
    double[] direct = Conv2d.apply(x, 4, 7, 7, dense, 1);
    assertThat(direct).hasSameSizeAs(chain);
    for (int k = 0; k < chain.length; k++) {
      assertThat(direct[k]).isCloseTo(chain[k], within(1e-12));
    }
  }

  @Test
  void aSingleDenseFactorCollapsesToItself() {
    Kernel w = TestKernels.gaussian(rng, 3, 2, 3, 3);
    assertThat(ConvChain.collapse(List.of(ConvFactor.dense(w, SpatialAxes.BOTH))).distance(w)).isZero();
  }

  @Test
  void fullyConnectedFactorsCollapseToAMatrixProduct() {
    Kernel a = Kernel.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Kernel b = Kernel.of(new double[] {1, 0, 1, 1}, 2, 2);
    Kernel dense = ConvChain.collapse(List.of(ConvFactor.dense(a, SpatialAxes.NONE), ConvFactor.dense(b, SpatialAxes.NONE)));
    assertThat(dense).isEqualTo(Kernel.of(new double[] {1, 2, 3, 5, 7, 9}, 2, 3));
  }

  @Test
  void mismatchedChannelsAreRefusedNamingBothWeights() {
    ConvFactor first = ConvFactor.dense(Kernel.zeros(4, 3, 1, 1), SpatialAxes.NONE);
    ConvFactor second = ConvFactor.dense(Kernel.zeros(2, 5, 3, 3), SpatialAxes.BOTH);
    assertThatThrownBy(() -> ConvChain.compose(first, second)).hasMessageContaining("(4, 3, 1, 1)").hasMessageContaining("(2, 5, 3, 3)");
    assertThatThrownBy(() -> ConvChain.collapse(List.of())).hasMessageContaining("at least one factor");
  }

  @Test
  void groupsMustDivideTheOutputChannels() {
    assertThatThrownBy(() -> new ConvFactor(Kernel.zeros(5, 1, 3, 3), 2, SpatialAxes.BOTH)).hasMessageContaining("not a multiple of 2 groups");
  }
}
