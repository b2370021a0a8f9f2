package dev.convcut.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {
  @Test
  void countsTopOneTopFiveLossAndConfusion() {
    Tally t = new Tally(6);
    float[] logits = {
      5, 4, 3, 2, 1, 0, // true 0: top-1
      5, 4, 3, 2, 1, 0, // true 5: outside the top 5
      0, 1, 2, 3, 4, 5, // true 1: rank 5, inside the top 5
    };
    t.add(logits, new int[] {0, 5, 1}, 3);
    EvalResult r = t.result("d", "test", List.of("a", "b", "c", "d", "e", "f"));
    assertThat(r.images()).isEqualTo(3);
    assertThat(r.top1()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(r.top5()).isCloseTo(2 / 3.0, within(1e-12));
    double lse = Math.log(Math.exp(5) + Math.exp(4) + Math.exp(3) + Math.exp(2) + Math.exp(1) + 1);
    assertThat(r.loss()).isCloseTo(((lse - 5) + (lse - 0) + (lse - 1)) / 3, within(1e-9));
    assertThat(r.confusion()[5][0]).isEqualTo(1);
    assertThat(r.confusion()[1][5]).isEqualTo(1);
    assertThat(r.perClass()[0]).isEqualTo(1.0);
    assertThat(r.perClass()[2]).isNaN();
    assertThat(r.confusionCsv()).startsWith("true\\predicted,a,b,c,d,e,f\na,1,0,0,0,0,0\n");
    assertThat(r.perClassCsv()).contains("f,1,0,0.000000");
  }

  @Test
  void aConstantOutputScoresNothing() {
    Tally t = new Tally(3);
    t.add(new float[] {1, 1, 1, 1, 1, 1}, new int[] {0, 2}, 2);
    assertThat(t.top1()).isZero();
  }

  @Test
  void notANumberScoresNothingAndMakesTheLossNaN() {
    Tally t = new Tally(3);
    t.add(new float[] {Float.NaN, Float.NaN, Float.NaN, 5, Float.NaN, 1}, new int[] {0, 0}, 2);
    assertThat(t.top1()).isZero();
    assertThat(t.result("d", "test", java.util.List.of("a", "b", "c")).loss()).isNaN();
  }

  @Test
  void aTallyAskedToKeepHitsRemembersWhichImagesWereRightAcrossBatches() {
    Tally t = new Tally(3, true);
    t.add(new float[] {3, 1, 0, 0, 1, 3}, new int[] {0, 0}, 2); // image 0 right, image 1 wrong
    t.add(new float[] {0, 2, 1}, new int[] {1}, 1); // image 2 right
    assertThat(t.hits().stream().toArray()).containsExactly(0, 2);
    assertThat(t.hits().cardinality()).isEqualTo(Math.round(t.top1() * t.images()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Tally(3).hits()).isInstanceOf(IllegalStateException.class);
  }
}
