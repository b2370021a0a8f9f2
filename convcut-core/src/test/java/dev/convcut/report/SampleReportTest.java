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
  }
}
