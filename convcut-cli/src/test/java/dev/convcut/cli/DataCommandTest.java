package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataCommandTest {

  @Test
  void withoutASubcommandItPrintsItsUsageListingListInfoAndFetch() {
    MainTest.Result r = MainTest.run("data");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: convcut data").contains("list").contains("info").contains("fetch")
        .contains("convcut data info --dataset fashion-mnist");
  }

  @Test
  void everySubcommandHasHelpWithAnExample() {
    for (String sub : new String[] {"list", "info", "fetch"}) {
      MainTest.Result r = MainTest.run("data", sub, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: convcut data " + sub).contains("Example");
    }
  }
}
