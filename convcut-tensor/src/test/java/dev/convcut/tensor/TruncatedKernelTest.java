package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TruncatedKernelTest {
  @Test
  void keptFractionIsRankOverFullRank() {
    TruncatedKernel t = new TruncatedKernel(Kernel.zeros(4, 2), Cut.O_I, 1, 2, 0, 0, 0);
    assertThat(t.keptFraction()).isEqualTo(0.5);
  }

  @Test
  void aRankOutsideOneToTheFullRankIsRefused() {
    assertThatThrownBy(() -> new TruncatedKernel(Kernel.zeros(4, 2), Cut.O_I, 3, 2, 0, 0, 0)).hasMessageContaining("rank 3 is outside 1..2");
  }
}
