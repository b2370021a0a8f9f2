package dev.convcut.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataBenchmarkTest {
  @TempDir Path root;

  @Test
  void timesEveryRepetitionOfEachSplitAndBothAssemblyModes() {
    Path dir = DataFixtures.folder(root.resolve("c10"), DataFixtures.cifar10Members(10));
    DataOptions options = new DataOptions(dir, LabelKind.FINE, false, DataFixtures.isolated(root));
    DataBenchmark b = DataBenchmark.run("cifar10", options, 2, 4, 3);
    assertThat(b.loadSeconds()).extracting(DataBenchmark.SplitTimes::split).containsExactly("train", "test");
    assertThat(b.loadSeconds().get(0).images()).isEqualTo(50);
    assertThat(b.loadSeconds().get(0).seconds()).hasSize(2).allMatch(s -> s > 0);
    assertThat(b.loadSeconds().get(1).best()).isEqualTo(b.loadSeconds().get(1).seconds().stream().mapToDouble(d -> d).min().orElseThrow());
    assertThat(b.augmentation()).isEqualTo("crop(pad=4)+flip");
    assertThat(b.augmentedMicrosPerImage()).isPositive();
    assertThat(b.plainMicrosPerImage()).isPositive();
  }
}
