package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.data.DataSource;
import dev.convcut.tensorize.FineTune;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FlagsTest {

  @Test
  void everySettingHasAFlagOrACommand() {
    Arrays.stream(Setting.values()).forEach(s -> assertThat(Flags.of(s)).as("%s", s).matches("--[a-z0-9-]+|.*convcut .*"));
  }

  @Test
  void theLibrarysFlagFreeMessageReadsWithTheFlagsOnTheCommandLine() {
    assertThatThrownBy(() -> new FineTune.Settings(1, 0.01, 1, 0, 0, 1))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("the fine-tuning batch size must be >= 2 (BatchNorm needs two images per step), got 1")
        .satisfies(e -> assertThat(Flags.message(e)).isEqualTo("--batch must be >= 2 (BatchNorm needs two images per step), got 1"));
    assertThat(Flags.message(new IllegalStateException("as is"))).isEqualTo("as is");
  }

  @Test
  void listingsNameTheDataFolderRuleByItsFlag() {
    assertThat(Flags.origin(DataSource.Origin.DATA_DIR)).isEqualTo("--data-dir");
    assertThat(Flags.origin(DataSource.Origin.CACHE)).isEqualTo("cache");
  }
}
