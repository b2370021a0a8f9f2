package dev.convcut.tensor.decompose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PermutationTest {
  @Test
  void swappingTwoAxesTransposes() {
    double[] m = {1, 2, 3, 4, 5, 6};
    assertThat(Permutation.permute(m, new int[] {2, 3}, 1, 0)).containsExactly(1, 4, 2, 5, 3, 6);
  }

  @Test
  void aThreeAxisCycleMovesEveryElementWhereTheDefinitionSays() {
    int[] d = {2, 3, 4};
    double[] src = new double[24];
    for (int k = 0; k < 24; k++) {
      src[k] = k;
    }
    double[] dst = Permutation.permute(src, d, 2, 0, 1);
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 4; c++) {
          assertThat(dst[(c * 2 + a) * 3 + b]).isEqualTo(src[(a * 3 + b) * 4 + c]);
        }
      }
    }
  }

  @Test
  void theIdentityOrderCopies() {
    double[] src = {1, 2, 3};
    double[] dst = Permutation.permute(src, new int[] {3}, 0);
    assertThat(dst).containsExactly(src).isNotSameAs(src);
  }
}
