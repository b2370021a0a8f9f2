package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetSpecTest {

  @Test
  void givesFineOrCoarseClasses() {
    DatasetSpec c100 = Datasets.spec("cifar100");
    assertThat(c100.classes(LabelKind.FINE)).hasSize(100);
    assertThat(c100.classes(LabelKind.COARSE)).hasSize(20);
    assertThat(c100.imageBytes()).isEqualTo(3072);
  }

  @Test
  void refusesANormalizationForAnotherChannelCount() {
    assertThatThrownBy(() -> new DatasetSpec("x", "X", 3, 4, 4, List.of("a", "b"), List.of(), Normalization.none(1), "",
        Augmentation.NONE, 1, 1)).hasMessage("x: normalization has 1 channels, images have 3");
  }
}
