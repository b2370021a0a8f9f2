package dev.convcut.study;

import dev.convcut.WithEngine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.io.CsvTable;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.report.data.GlobalSweep;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalTruncationTest extends WithEngine {
  @TempDir Path tmp;


  @Test
  void oneRowPerCutAndLevelWithAllLayersTruncatedAtOnce() {
    try (Network net = StudyFixtures.network(manager, StudyFixtures.CNN4, 2)) {
      List<String> layers = StudyFixtures.conv(net);
      float[] before = net.weight("features.8");
      SweepSettings s = new SweepSettings(layers, StudyFixtures.grid("o|ihw,ohw|i", "keep1.0,keep0.5,rank1,rank100"), 16, tmp, false, false);
      SweepOutcome o = GlobalTruncation.run(net, StudyFixtures.eval(0), s, "synthetic", "sha", Provenance.start("sweep", List.of()));
      assertThat(net.weight("features.8")).containsExactly(before);
      CsvTable t = CsvTable.read(o.csv());
      assertThat(t.rows()).hasSize(1 + 2 * 4);
      CsvTable.Row ohwKeep = t.rows().stream().filter(r -> r.text("cut").equals("ohw|i") && r.text("level").equals("keep0.5")).findFirst().orElseThrow();
      // ohw|i is trivial for features.0 (one input channel): only the other three layers are truncated.
      assertThat(ohwKeep.integer("layers")).isEqualTo(3);
      assertThat(ohwKeep.number("norm_loss_max")).isGreaterThanOrEqualTo(ohwKeep.number("norm_loss_mean")).isPositive();
      for (CsvTable.Row r : t.rows()) {
        if (r.text("level").equals("keep1") || r.text("level").equals("rank100")) {
          assertThat(r.text("evaluation")).isEqualTo("baseline");
          assertThat(r.number("delta_top1")).isZero();
        }
      }
      assertThat(o.evaluations()).isEqualTo(1 + 2 * 2);
      GlobalSweep read = GlobalSweep.read(o.csv());
      assertThat(read.points()).hasSize(8);
      assertThat(read.baseline().top1()).isEqualTo(o.baseline().top1());
    }
  }
}
