package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvalSubsetTest {
  private final ImageSet set = BatchAssemblerTest.images(500, 1, 2);

  @Test
  void drawsDistinctSortedIndicesReproduciblyFromTheSeed() {
    EvalSubset a = EvalSubset.draw(set, 100, 9);
    int[] idx = a.indices();
    assertThat(idx).hasSize(100).isSorted();
    assertThat(Arrays.stream(idx).distinct().count()).isEqualTo(100);
    assertThat(Arrays.stream(idx).allMatch(i -> i >= 0 && i < 500)).isTrue();
    assertThat(EvalSubset.draw(set, 100, 9).indices()).isEqualTo(idx);
    assertThat(EvalSubset.draw(set, 100, 9).sha256()).isEqualTo(a.sha256());
    assertThat(EvalSubset.draw(set, 100, 10).sha256()).isNotEqualTo(a.sha256());
    assertThat(a.isWhole()).isFalse();
    assertThat(a.toString()).startsWith("test/train: 100 of 500 images (seed 9, sha256 ");
  }

  @Test
  void theWholeSplitIsEveryIndexInOrder() {
    EvalSubset whole = EvalSubset.whole(set);
    assertThat(whole.isWhole()).isTrue();
    assertThat(whole.indices()).hasSize(500).startsWith(0, 1, 2).endsWith(499);
    assertThat(EvalSubset.draw(set, 600, 1).isWhole()).isTrue();
    assertThat(whole.toString()).isEqualTo("test/train: all 500 images");
  }

  @Test
  void anEmptySubsetIsRefused() {
    assertThatThrownBy(() -> EvalSubset.draw(set, 0, 1)).hasMessage("an evaluation subset needs at least 1 image, got 0");
  }
}
