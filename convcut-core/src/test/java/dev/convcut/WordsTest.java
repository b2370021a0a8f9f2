package dev.convcut;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void theLibraryWordsASettingByItsPhraseAndAFrontEndByItsOwnName() {
    Words w = Words.of(Setting.FINETUNE_BATCH, " must be >= 2, got ", 1);
    assertThat(w.toString()).isEqualTo("the fine-tuning batch size must be >= 2, got 1");
    assertThat(w.render(s -> "--" + s.name().toLowerCase(java.util.Locale.ROOT))).isEqualTo("--finetune_batch must be >= 2, got 1");
  }

  @Test
  void aTermKeepsItsSettingButReadsAsItsOwnPhraseInTheLibrary() {
    Words w = Words.of("choose another ", Words.term(Setting.OUT, "output path"), " or pass ", Setting.FORCE);
    assertThat(w.toString()).isEqualTo("choose another output path or pass the force option");
    assertThat(w.render(s -> "<" + s + ">")).isEqualTo("choose another <OUT> or pass <FORCE>");
  }

  @Test
  void paddingFollowsTheRenderedWidthAndNestedWordsKeepTheirSettings() {
    Words cell = Words.of(Words.padded(12, Setting.DATA_DIR, " DIR"), "|");
    assertThat(cell.toString()).isEqualTo("the data folder DIR|");
    assertThat(cell.render(s -> "-d")).isEqualTo("-d DIR      |");
    assertThat(Words.of("a: ", cell).render(s -> "-d")).isEqualTo("a: -d DIR      |");
  }

  @Test
  void aReasonKeepsTheSettingsOfALibraryExceptionAndTheMessageOfAnyOther() {
    assertThat(Words.reason(new InvalidSettingException(Setting.RANK, 0, " must be >= 1")).render(s -> "<" + s + ">"))
        .isEqualTo("<RANK> must be >= 1");
    assertThat(Words.reason(new IllegalArgumentException("plain")).toString()).isEqualTo("plain");
  }

  @Test
  void anInvalidSettingCarriesTheSettingTheValueAndAFlagFreeMessage() {
    InvalidSettingException e = new InvalidSettingException(Setting.FINETUNE_EPOCHS, -1, " must be >= 0, got -1");
    assertThat(e).isInstanceOf(InvalidRequestException.class).isInstanceOf(ConvcutException.class);
    assertThat(e.setting()).isEqualTo(Setting.FINETUNE_EPOCHS);
    assertThat(e.value()).isEqualTo(-1);
    assertThat(e.getMessage()).isEqualTo("the number of fine-tuning epochs must be >= 0, got -1");
    assertThat(Marked.of(e)).isEqualTo("<FINETUNE_EPOCHS> must be >= 0, got -1");
  }

  @Test
  void aPlainMessageHasNoSettingsAndSurvivesSerialization() throws Exception {
    ConvcutException e = new ConvcutException(Words.of("x ", Setting.OUT, " y"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      ConvcutException back = (ConvcutException) in.readObject();
      assertThat(Marked.of(back)).isEqualTo("x <OUT> y");
    }
    assertThat(new ConvcutException("plain").words().render(s -> "never")).isEqualTo("plain");
  }
}
