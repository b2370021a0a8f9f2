package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void fieldsAreJoinedWithShortestRoundTripNumbersAndEmptyForNull() {
    assertThat(Csv.row(Arrays.asList("conv", 3, 0.1, 1e-20, null, "o|ihw"))).isEqualTo("conv,3,0.1,1.0E-20,,o|ihw\n");
  }

  @Test
  void textWithCommasQuotesOrNewlinesIsQuoted() {
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void shapesAreWrittenWithX() {
    assertThat(Csv.shape(new int[] {64, 3, 3, 3})).isEqualTo("64x3x3x3");
    assertThat(Csv.shape(new int[] {10, 512})).isEqualTo("10x512");
  }
}
