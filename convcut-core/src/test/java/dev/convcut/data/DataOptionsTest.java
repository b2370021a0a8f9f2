package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataOptionsTest {

  @Test
  void defaultsAreFineLabelsTheUsualPlacesAndDownloads() {
    DataOptions d = DataOptions.defaults();
    assertThat(d.dataDir()).isNull();
    assertThat(d.labels()).isEqualTo(LabelKind.FINE);
    assertThat(d.allowDownload()).isTrue();
  }

  @Test
  void refusesMissingLabels() {
    assertThatThrownBy(() -> new DataOptions(null, null, true)).hasMessage("labels must be fine or coarse, got null");
  }
}
