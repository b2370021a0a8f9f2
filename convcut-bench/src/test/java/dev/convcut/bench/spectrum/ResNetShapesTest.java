package dev.convcut.bench.spectrum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResNetShapesTest {
  @Test
  void resnet50HasTheFiftyThreeConvolutionsOfThePeersList() {
    List<int[]> s = ResNetShapes.resnet50Cifar();
    assertThat(s).hasSize(53);
    assertThat(s.get(0)).containsExactly(64, 3, 3, 3);
    assertThat(s.get(1)).containsExactly(64, 64, 1, 1);
    assertThat(s.get(4)).containsExactly(256, 64, 1, 1);
    assertThat(s.get(52)).containsExactly(2048, 512, 1, 1);
    // The peer's resnet50_shapes() sums to the same count.
    long params = s.stream().mapToLong(x -> (long) x[0] * x[1] * x[2] * x[3]).sum();
    assertThat(params).isEqualTo(23_447_232L);
  }
}
