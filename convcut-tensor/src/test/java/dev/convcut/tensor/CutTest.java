package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.tensor.linalg.Matrix;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CutTest {
  @Test
  void theSevenCutsPrintCanonicallyInScienceOrder() {
    assertThat(Cut.fourIndex().stream().map(Cut::toString))
        .containsExactly("o|ihw", "ohw|i", "oiw|h", "oih|w", "oi|hw", "oh|iw", "ow|ih");
    assertThat(Cut.O_I.toString()).isEqualTo("o|i");
    assertThat(Cut.forOrder(2)).containsExactly(Cut.O_I);
  }

  @ParameterizedTest
  @CsvSource({"o|ihw,o|ihw", "ihw|o,o|ihw", "whi/o,o|ihw", "i:ohw,ohw|i", "HW|OI,oi|hw", "wi|ho,oh|iw", " ow/ih ,ow|ih",
      "h|wio,oiw|h", "w|hoi,oih|w", "i|o,o|i", "o:i,o|i"})
  void parsingAcceptsEitherGroupFirstAnyOrderAndThreeSeparators(String text, String canonical) {
    assertThat(Cut.parse(text).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Cut.class)
  void everyCanonicalNameParsesBackToItsCut(Cut cut) {
    assertThat(Cut.parse(cut.toString())).isEqualTo(cut);
  }

  @Test
  void aBadLetterIsNamedAndTheValidCutsListed() {
    assertThatThrownBy(() -> Cut.parse("o|ihx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x' is not an index letter")
        .hasMessageContaining("o|ihw, ohw|i, oiw|h, oih|w, oi|hw, oh|iw, ow|ih");
  }

  @Test
  void malformedCutsSayWhatIsWrong() {
    assertThatThrownBy(() -> Cut.parse("oihw")).hasMessageContaining("two non-empty groups");
    assertThatThrownBy(() -> Cut.parse("o|i|hw")).hasMessageContaining("two non-empty groups");
    assertThatThrownBy(() -> Cut.parse("|oihw")).hasMessageContaining("two non-empty groups");
    assertThatThrownBy(() -> Cut.parse("oo|ihw")).hasMessageContaining("letter 'o' appears twice");
    assertThatThrownBy(() -> Cut.parse("o|ih")).hasMessageContaining("w is in neither");
  }

  @Test
  void rowsColumnsAndFullRankFollowTheShape() {
    Kernel w = Kernel.zeros(8, 3, 5, 2);
    assertThat(Cut.O_IHW.rows(w)).isEqualTo(8);
    assertThat(Cut.O_IHW.cols(w)).isEqualTo(30);
    assertThat(Cut.OH_IW.rows(w)).isEqualTo(40);
    assertThat(Cut.OH_IW.cols(w)).isEqualTo(6);
    assertThat(Cut.OH_IW.fullRank(w)).isEqualTo(6);
    assertThat(Cut.OIH_W.fullRank(w)).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Cut.class, names = "O_I", mode = EnumSource.Mode.EXCLUDE)
  void matricizationPutsEachIndexWhereTheDefinitionSays(Cut cut) {
    Kernel w = TestKernels.gaussian(new Random(1), 2, 3, 4, 5);
    Matrix m = cut.matricize(w);
    int[] d = w.shape();
    List<Index> rows = cut.rowIndices();
    List<Index> cols = cut.colIndices();
    for (int o = 0; o < d[0]; o++) {
      for (int i = 0; i < d[1]; i++) {
        for (int h = 0; h < d[2]; h++) {
          for (int x = 0; x < d[3]; x++) {
            int[] p = {o, i, h, x};
            assertThat(m.get(flat(rows, p, d), flat(cols, p, d))).isEqualTo(w.get(o, i, h, x));
          }
        }
      }
    }
  }

  private static int flat(List<Index> group, int[] p, int[] d) {
    int f = 0;
    for (Index x : group) {
      f = f * d[x.ordinal()] + p[x.ordinal()];
    }
    return f;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Cut.class, names = "O_I", mode = EnumSource.Mode.EXCLUDE)
  void foldingInvertsMatricization(Cut cut) {
    Kernel w = TestKernels.gaussian(new Random(2), 3, 2, 3, 1);
    assertThat(cut.fold(cut.matricize(w), w.shape())).isEqualTo(w);
  }

  @Test
  void aTwoIndexKernelMatricizesToItself() {
    Kernel fc = TestKernels.gaussian(new Random(3), 4, 6);
    Matrix m = Cut.O_I.matricize(fc);
    assertThat(m.rows()).isEqualTo(4);
    assertThat(m.toArray()).containsExactly(fc.toDoubleArray());
  }

  @Test
  void aCutOfTheWrongOrderIsRefusedNamingTheKernelsCuts() {
    assertThatThrownBy(() -> Cut.O_IHW.matricize(Kernel.zeros(4, 6)))
        .hasMessageContaining("cut o|ihw is for 4-index kernels")
        .hasMessageContaining("(4, 6)")
        .hasMessageContaining("[o|i]");
    assertThatThrownBy(() -> Cut.O_I.rows(Kernel.zeros(4, 6, 1, 1))).hasMessageContaining("2-index");
  }

  @Test
  void aOneByOneKernelHasOneDistinctNonTrivialCut() {
    Kernel w = Kernel.zeros(16, 8, 1, 1);
    Map<Cut, Cut> reps = Cut.representatives(w);
    List<Cut> nonTrivial = Cut.fourIndex().stream().filter(c -> !c.isTrivial(w)).toList();
    assertThat(nonTrivial).containsExactly(Cut.O_IHW, Cut.OHW_I, Cut.OH_IW, Cut.OW_IH);
    assertThat(nonTrivial.stream().map(reps::get).collect(Collectors.toSet())).containsExactly(Cut.O_IHW);
    assertThat(Cut.OHW_I.isTransposeOf(Cut.O_IHW, w)).isFalse();
    assertThat(Cut.OIH_W.isTrivial(w)).isTrue();
  }

  @Test
  void withOneOutputChannelCutsPairUpAsTransposes() {
    Kernel w = TestKernels.gaussian(new Random(4), 1, 3, 4, 5);
    assertThat(Cut.O_IHW.isTrivial(w)).isTrue();
    assertThat(Cut.OHW_I.coincidesWith(Cut.OI_HW, w)).isTrue();
    assertThat(Cut.OHW_I.isTransposeOf(Cut.OI_HW, w)).isTrue();
    assertThat(Cut.OHW_I.matricize(w).transpose()).isEqualTo(Cut.OI_HW.matricize(w));
    assertThat(Cut.OIW_H.coincidesWith(Cut.OH_IW, w)).isTrue();
    assertThat(Cut.OIH_W.coincidesWith(Cut.OW_IH, w)).isTrue();
    assertThat(Cut.OHW_I.coincidesWith(Cut.OIW_H, w)).isFalse();
  }

  @Test
  void aGenericKernelHasSevenDistinctCuts() {
    Kernel w = Kernel.zeros(4, 3, 2, 5);
    assertThat(Cut.representatives(w)).allSatisfy((cut, rep) -> assertThat(rep).isEqualTo(cut));
    assertThatThrownBy(() -> Cut.O_IHW.isTransposeOf(Cut.OH_IW, w)).hasMessageContaining("do not coincide");
  }

  @Test
  void singleIndexCutsAreTheFirstFour() {
    assertThat(Cut.fourIndex().stream().filter(Cut::isSingleIndex)).containsExactly(Cut.O_IHW, Cut.OHW_I, Cut.OIW_H, Cut.OIH_W);
  }
}
