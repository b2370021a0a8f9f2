package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AugmentationTest {

  @Test
  void describesItselfForRunRecords() {
    assertThat(Augmentation.NONE.describe()).isEqualTo("none");
    assertThat(Augmentation.CROP_AND_FLIP.describe()).isEqualTo("crop(pad=4)+flip");
    assertThat(new Augmentation(0, true).describe()).isEqualTo("flip");
    assertThat(new Augmentation(2, false).describe()).isEqualTo("crop(pad=2)");
    assertThat(Augmentation.NONE.isNone()).isTrue();
    assertThat(Augmentation.CROP_AND_FLIP.isNone()).isFalse();
  }

  @Test
  void refusesNegativePadding() {
    assertThatThrownBy(() -> new Augmentation(-1, false)).hasMessage("augmentation padding must be 0 or more pixels, got -1");
  }
}
