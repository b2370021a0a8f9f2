package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void readsColumnsByNameWhateverTheirOrderAndIgnoresExtraOnes() throws IOException {
    CsvTable t = CsvTable.read(file("extra,top1,layer\nx,0.5,features.0\ny,0.25,features.3\n")).require("layer", "top1");
    assertThat(t.rows()).hasSize(2);
    assertThat(t.rows().get(1).text("layer")).isEqualTo("features.3");
    assertThat(t.rows().get(1).number("top1")).isEqualTo(0.25);
    assertThat(t.rows().get(1).line()).isEqualTo(3);
  }

  @Test
  void understandsQuotesDoubledQuotesCrlfABomAndBlankLines() throws IOException {
    CsvTable t = CsvTable.read(file("\uFEFFname,note\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\r\nc,\"two\nlines\"\r\nd,e"));
    assertThat(t.rows()).extracting(r -> r.text("name")).containsExactly("a,b", "c", "d");
    assertThat(t.rows().get(0).text("note")).isEqualTo("say \"hi\"");
    assertThat(t.rows().get(1).text("note")).isEqualTo("two\nlines");
    assertThat(t.rows().get(1).line()).isEqualTo(4);
    assertThat(t.rows().get(2).line()).isEqualTo(6);
  }

  @Test
  void aMissingColumnIsAnErrorListingWhatIsMissingAndWhatIsThere() throws IOException {
    Path f = file("layer,top1\nfeatures.0,0.5\n");
    assertThatThrownBy(() -> CsvTable.read(f).require("layer", "norm_loss", "delta_top1"))
        .isInstanceOf(ConvcutException.class)
        .hasMessage(f + ": line 1: missing required columns norm_loss, delta_top1 (the header has: layer, top1)");
  }

  @Test
  void anUnparsableValueNamesFileLineAndColumn() throws IOException {
    Path f = file("layer,top1\nfeatures.0,0.5\nfeatures.3,0.5x\n");
    CsvTable.Row row = CsvTable.read(f).rows().get(1);
    assertThatThrownBy(() -> row.number("top1"))
        .hasMessage(f + ": line 3, column 'top1' (#2): '0.5x' is not a number");
  }

  @Test
  void javaSuffixesAndHexAreNotNumbersButExponentsAndNaNAre() throws IOException {
    CsvTable.Row row = CsvTable.read(file("a,b,c,d\n1.5d,0x10,1.0E-5,NaN\n")).rows().get(0);
    assertThatThrownBy(() -> row.numberOrNaN("a")).hasMessageContaining("'1.5d' is not a number");
    assertThatThrownBy(() -> row.numberOrNaN("b")).hasMessageContaining("'0x10' is not a number");
    assertThat(row.number("c")).isEqualTo(1.0e-5);
    assertThat(row.numberOrNaN("d")).isNaN();
    assertThatThrownBy(() -> row.number("d")).hasMessageContaining("'NaN' is not a finite number");
  }

  @Test
  void emptyFieldsAreNaNWhereOptionalAndAnErrorWhereRequired() throws IOException {
    CsvTable.Row row = CsvTable.read(file("a,b\n,\n")).rows().get(0);
    assertThat(row.numberOrNaN("a")).isNaN();
    assertThat(row.numberOrNaN("absent")).isNaN();
    assertThat(row.integerOr("b", -1)).isEqualTo(-1);
    assertThatThrownBy(() -> row.number("a")).hasMessageContaining("line 2, column 'a' (#1): a value is required here");
    assertThatThrownBy(() -> row.required("b")).hasMessageContaining("column 'b' (#2): a value is required here");
  }

  @Test
  void integersMustBeWholeNumbers() throws IOException {
    CsvTable.Row row = CsvTable.read(file("a,b,c\n3,+4,3.0\n")).rows().get(0);
    assertThat(row.integer("a")).isEqualTo(3);
    assertThat(row.integer("b")).isEqualTo(4);
    assertThatThrownBy(() -> row.integer("c")).hasMessageContaining("'3.0' is not an integer");
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsAnError() throws IOException {
    Path f = file("a,b\n1,2\n1,2,3\n");
    assertThatThrownBy(() -> CsvTable.read(f)).hasMessage(f + ": line 3 has 3 fields but the header has 2");
  }

  @Test
  void anEmptyFileADuplicateColumnAndAnOpenQuoteAreErrors() throws IOException {
    Path empty = file("\n\n");
    assertThatThrownBy(() -> CsvTable.read(empty)).hasMessage(empty + ": the file is empty; expected a header row");
    Path dup = file("a,b,a\n");
    assertThatThrownBy(() -> CsvTable.read(dup)).hasMessage(dup + ": line 1: column 'a' appears twice in the header");
    Path open = file("a\n\"never closed\n");
    assertThatThrownBy(() -> CsvTable.read(open)).hasMessage(open + ": line 2: a quoted field is never closed");
  }

  @Test
  void buildTurnsAValidationFailureIntoAnErrorWithFileAndLine() throws IOException {
    Path f = file("top1\n91.2\n");
    CsvTable.Row row = CsvTable.read(f).rows().get(0);
    assertThatThrownBy(() -> row.build(() -> {
      throw new IllegalArgumentException("top1 must be a fraction");
    })).isInstanceOf(ConvcutException.class).hasMessage(f + ": line 2: top1 must be a fraction");
  }
}
