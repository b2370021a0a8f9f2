package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.model.ConvSpec;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.decompose.ConvFactor;
import dev.convcut.tensor.decompose.SpatialAxes;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactorSpecsTest {
  static final ConvSpec SLOT = new ConvSpec(4, 6, 3, 3, 2, 3, 1, 2, 2, 1, 1, true);

  @Test
  void depthwiseFactorsKeepTheirGroupsAndAxes() {
    List<ConvSpec> specs = FactorSpecs.of(List.of(
        ConvFactor.dense(Kernel.zeros(5, 4, 1, 1), SpatialAxes.NONE),
        new ConvFactor(Kernel.zeros(5, 1, 3, 1), 5, SpatialAxes.ROWS),
        new ConvFactor(Kernel.zeros(5, 1, 1, 3), 5, SpatialAxes.COLUMNS),
        ConvFactor.dense(Kernel.zeros(6, 5, 1, 1), SpatialAxes.NONE)), SLOT);
    assertThat(specs.get(0)).isEqualTo(new ConvSpec(4, 5, 1, 1, 1, 1, 0, 0, 1, 1, 1, false));
    assertThat(specs.get(1)).isEqualTo(new ConvSpec(5, 5, 3, 1, 2, 1, 1, 0, 2, 1, 5, false));
    assertThat(specs.get(2)).isEqualTo(new ConvSpec(5, 5, 1, 3, 1, 3, 0, 2, 1, 1, 5, false));
    assertThat(specs.get(3)).isEqualTo(new ConvSpec(5, 6, 1, 1, 1, 1, 0, 0, 1, 1, 1, true));
  }

  @Test
  void aFullyConnectedFactorBecomesAPointwiseConvolution() {
    ConvSpec s = FactorSpecs.of(List.of(ConvFactor.dense(Kernel.zeros(6, 4), SpatialAxes.NONE)), SLOT).get(0);
    assertThat(List.of(s.kernelH(), s.kernelW(), s.strideH(), s.padW())).containsExactly(1, 1, 1, 0);
  }

  @Test
  void aFactorSpanningAnAxisItDoesNotCarryIsABug() {
    assertThatThrownBy(() -> FactorSpecs.of(List.of(ConvFactor.dense(Kernel.zeros(6, 4, 3, 1), SpatialAxes.COLUMNS)), SLOT))
        .isInstanceOf(IllegalStateException.class);
  }
}
