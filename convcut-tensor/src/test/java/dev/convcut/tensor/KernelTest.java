package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KernelTest {
  @Test
  void valuesAreStoredRowMajorInOihwOrder() {
    double[] d = new double[2 * 3 * 2 * 2];
    for (int k = 0; k < d.length; k++) {
      d[k] = k;
    }
    Kernel w = Kernel.of(d, 2, 3, 2, 2);
    assertThat(w.get(1, 2, 0, 1)).isEqualTo(1 * 12 + 2 * 4 + 0 * 2 + 1);
    assertThat(w.dim(Index.I)).isEqualTo(3);
    assertThat(w.order()).isEqualTo(4);
  }

  @Test
  void aTwoIndexKernelHasUnitSpatialExtents() {
    Kernel fc = Kernel.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertThat(fc.order()).isEqualTo(2);
    assertThat(fc.dim(Index.H)).isEqualTo(1);
    assertThat(fc.dim(Index.W)).isEqualTo(1);
    assertThat(fc.get(1, 0)).isEqualTo(4);
  }

  @Test
  void theInputArrayIsCopiedAndNeverWritten() {
    float[] f = {1, 2, 3, 4};
    Kernel w = Kernel.of(f, 2, 2, 1, 1);
    f[0] = 100;
    assertThat(w.get(0, 0, 0, 0)).isEqualTo(1);
    w.toDoubleArray()[1] = 7;
    assertThat(w.get(0, 1, 0, 0)).isEqualTo(2);
  }

  @Test
  void aNanIsRefusedWithItsPosition() {
    float[] f = new float[2 * 2 * 3 * 3];
    f[2 * 9 + 4] = Float.NaN;
    assertThatThrownBy(() -> Kernel.of(f, 2, 2, 3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 0, 1, 1]")
        .hasMessageContaining("NaN");
  }

  @Test
  void aMismatchedShapeNamesBothCounts() {
    assertThatThrownBy(() -> Kernel.of(new double[100], 8, 3, 3, 3))
        .hasMessageContaining("100 values")
        .hasMessageContaining("(8, 3, 3, 3)")
        .hasMessageContaining("216");
  }

  @Test
  void shapesOtherThanTwoOrFourIndicesAreRefused() {
    assertThatThrownBy(() -> Kernel.of(new double[24], 2, 3, 4)).hasMessageContaining("got 3: (2, 3, 4)");
    assertThatThrownBy(() -> Kernel.of(new double[0], 0, 3, 3, 3)).hasMessageContaining("(0, 3, 3, 3)").hasMessageContaining("≥ 1");
  }

  @Test
  void normAndDistanceAreFrobenius() {
    Kernel a = Kernel.of(new double[] {3, 4}, 1, 2);
    Kernel b = Kernel.of(new double[] {0, 0}, 1, 2);
    assertThat(a.norm()).isCloseTo(5, within(1e-15));
    assertThat(b.distance(a)).isCloseTo(5, within(1e-15));
    assertThat(b.relativeErrorTo(a)).isCloseTo(1, within(1e-15));
    assertThat(b.relativeErrorTo(b)).isZero();
  }

  @Test
  void floatRoundTripKeepsFloatValues() {
    float[] f = {1.1f, -2.5e-20f, 3.3e20f};
    assertThat(Kernel.of(f, 3, 1).toFloatArray()).containsExactly(f);
  }

  @Test
  void equalKernelsHaveEqualShapesAndValues() {
    Kernel a = Kernel.of(new double[] {1, 2, 3, 4}, 2, 2);
    assertThat(a).isEqualTo(Kernel.of(new double[] {1, 2, 3, 4}, 2, 2));
    assertThat(a).isNotEqualTo(Kernel.of(new double[] {1, 2, 3, 4}, 4, 1));
    assertThat(a.reshape(4, 1)).isEqualTo(Kernel.of(new double[] {1, 2, 3, 4}, 4, 1));
    assertThat(a.toString()).isEqualTo("Kernel(2, 2)");
  }
}
