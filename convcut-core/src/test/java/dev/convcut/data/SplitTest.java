package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitTest {

  @Test
  void parsesItsIdsInAnyCase() {
    assertThat(Split.parse("train")).isEqualTo(Split.TRAIN);
    assertThat(Split.parse("TEST")).isEqualTo(Split.TEST);
    assertThat(Split.TEST.id()).isEqualTo("test");
  }

  @Test
  void anUnknownSplitNamesTheValidOnes() {
    assertThatThrownBy(() -> Split.parse("val")).hasMessage("split must be one of train, test, got 'val'");
  }
}
