package dev.convcut.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.report.analysis.Criteria;
import dev.convcut.report.analysis.Summary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes a sample report from a synthetic run for people to look at (in a browser, or rendered
 * by headless Chromium): {@code mvn -pl convcut-core test -Dtest=SampleReportTest -Dconvcut.sample=/tmp/sample}.
 */
class SampleReportTest {
  @Test
  @EnabledIfSystemProperty(named = "convcut.sample", matches = ".+")
  void writesASampleReportWhereAskedTo() {
    Path dir = SyntheticRun.write(Path.of(System.getProperty("convcut.sample")).resolve("run"), SyntheticRun.DEEPER_TOLERATE_MORE);
    Report.Result r = Report.write(dir, null, Criteria.defaults(), false, List.of("report", "--run", dir.toString()));
    System.out.print(Summary.format(r.findings()));
    System.out.println("Report: " + r.index());
    assertThat(r.index()).exists();

    // A deeper model, to see how the heat map and the entropy plot scale with many layers.
    List<SyntheticRun.Layer> many = new java.util.ArrayList<>();
    for (int d = 0; d < 20; d++) {
      int c = 16 << Math.min(3, d / 5);
      many.add(new SyntheticRun.Layer("layer" + (1 + d / 5) + "." + (d % 5) + ".conv2", d, new int[] {c, c, 3, 3},
          0.01 + 0.008 * d + 0.03 * ((d * 7) % 3)));
    }
    Path deep = SyntheticRun.write(Path.of(System.getProperty("convcut.sample")).resolve("deep"), many);
    System.out.print(Summary.format(Report.write(deep, null, Criteria.defaults(), false, List.of()).findings()));
  }
}
