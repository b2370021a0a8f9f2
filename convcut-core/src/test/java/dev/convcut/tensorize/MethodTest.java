package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.tensor.Cut;
import org.junit.jupiter.api.Test;

class MethodTest {
  @Test
  void parsesEveryMethodAndCutSpelling() {
    assertThat(Method.parse("svd:oh/iw")).isEqualTo(Method.svd(Cut.OH_IW));
    assertThat(Method.parse("SVD:ihw|o")).isEqualTo(Method.svd(Cut.O_IHW));
    assertThat(Method.parse("svd:oi:hw")).isEqualTo(Method.svd(Cut.OI_HW));
    assertThat(Method.parse("tucker2")).isEqualTo(Method.TUCKER2);
    assertThat(Method.parse("cp")).isEqualTo(Method.CP);
    assertThat(Method.parse("tt")).isEqualTo(Method.TT);
    assertThat(Method.parse("mps")).isEqualTo(Method.TT);
  }

  @Test
  void printsTheFormItParses() {
    for (String s : new String[] {"svd:oh|iw", "tucker2", "cp", "tt"}) {
      assertThat(Method.parse(s)).hasToString(s);
    }
  }

  @Test
  void unknownMethodsAndMissingCutsAreRefusedWithTheChoices() {
    assertThatThrownBy(() -> Method.parse("tucker")).hasMessageContaining("unknown method 'tucker'")
        .hasMessageContaining("tucker2, cp, tt");
    assertThatThrownBy(() -> Method.parse("svd")).hasMessageContaining("needs a cut");
    assertThatThrownBy(() -> Method.parse("svd:o|i")).hasMessageContaining("fully connected");
    assertThatThrownBy(() -> Method.parse("svd:ox|ihw")).hasMessageContaining("'x' is not an index letter");
  }

  @Test
  void rankCountsFollowTheBonds() {
    assertThat(Method.svd(Cut.OW_IH).rankCount()).isEqualTo(1);
    assertThat(Method.TUCKER2.rankCount()).isEqualTo(2);
    assertThat(Method.TT.rankCount()).isEqualTo(3);
    assertThat(Method.CP.rankCount()).isEqualTo(1);
  }
}
