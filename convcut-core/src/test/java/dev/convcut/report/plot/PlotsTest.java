package dev.convcut.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.report.SyntheticRun;
import dev.convcut.report.analysis.Analysis;
import dev.convcut.report.analysis.Criteria;
import dev.convcut.report.analysis.Findings;
import dev.convcut.report.data.LayerSpectrum;
import dev.convcut.report.data.SpectrumEntry;
import dev.convcut.report.data.StudyRun;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every plot kind, drawn from one synthetic run (drawing is the slow part, so the run is shared). */
class PlotsTest {
  @TempDir static Path dir;
  static StudyRun run;
  static Findings findings;

  @BeforeAll
  static void load() {
    run = StudyRun.load(SyntheticRun.write(dir, SyntheticRun.DEEPER_TOLERATE_MORE));
    findings = Analysis.analyze(run, Criteria.defaults());
  }

  @Test
  void theSweepPlotOfALayerDrawsALinePerCutAndTheToleranceLine() {
    Figure f = SweepPlot.of(findings.layers().get(2), run.sweep().points(), findings.criteria());
    assertThat(f.fileName()).isEqualTo("sweep-02-features.6.png");
    BufferedImage image = Images.decode(f);
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(560);
    assertThat(Images.pixels(image, ChartStyle.cut("o|ihw"))).as("o|ihw line").isGreaterThan(200);
    assertThat(Images.pixels(image, ChartStyle.cut("ow|ih"))).as("ow|ih line").isGreaterThan(200);
    assertThat(Images.pixels(image, ChartStyle.TOLERANCE)).as("tolerance line").isGreaterThan(100);
    var best = findings.layers().get(2).best();
    assertThat(f.caption()).endsWith("Largest tolerable norm loss: " + best.cut() + ": "
        + dev.convcut.report.analysis.Format.percent(best.tolerableNormLoss()) + ".");
  }

  @Test
  void theHeatMapHasARowPerLayerAndGrowsWithManyLayers() {
    Figure f = ToleranceHeatMap.of(findings);
    assertThat(Images.decode(f).getHeight()).isEqualTo(560);
    assertThat(f.fileName()).isEqualTo("tolerance-heatmap.png");
    assertThat(ToleranceHeatMap.niceCeiling(20.16)).isEqualTo(25.0);
    assertThat(ToleranceHeatMap.niceCeiling(8.2)).isEqualTo(8.5);
    assertThat(ToleranceHeatMap.niceCeiling(0)).isEqualTo(1.0);
  }

  @Test
  void theSpectrumPlotUsesALogAxisAndSurvivesZerosAndTrivialCuts() {
    Figure f = SpectrumPlot.of(new LayerSpectrum("conv", List.of(4, 2, 1, 1),
        Map.of("o|ihw", new double[] {2, 1e-3, 0, 0}, "ohw|i", new double[] {3, 1}, "oiw|h", new double[] {5})), 7);
    assertThat(f.fileName()).isEqualTo("spectrum-07-conv.png");
    BufferedImage image = Images.decode(f);
    assertThat(Images.pixels(image, ChartStyle.cut("o|ihw"))).isGreaterThan(50);
    assertThat(SpectrumPlot.of(new LayerSpectrum("fc1x1", List.of(4, 1, 1, 1), Map.of("oiw|h", new double[] {5})), 0)).isNull();
  }

  @Test
  void theEntropyPlotSkipsCutsWithoutANormalizedEntropy() {
    assertThat(EntropyPlot.of(List.of(new SpectrumEntry("fc", 0, "10x1", "o|i", 1, 0, Double.NaN)))).isNull();
    Figure f = EntropyPlot.of(run.spectrum());
    assertThat(Images.pixels(Images.decode(f), ChartStyle.cut("ow|ih"))).isGreaterThan(100);
  }

  @Test
  void allFiguresOfARunHaveDistinctNamesAndDecode() {
    ReportFigures figures = ReportFigures.draw(run, findings);
    assertThat(figures.sweeps()).hasSize(4);
    assertThat(figures.spectra()).hasSize(4);
    assertThat(figures.all()).hasSize(14);
    assertThat(figures.all().stream().map(Figure::fileName).distinct()).hasSize(14);
    assertThat(figures.depth().fileName()).isEqualTo("depth.png");
    assertThat(figures.depthPerCut().fileName()).isEqualTo("depth-cuts.png");
    figures.all().forEach(Images::decode);
    assertThat(Images.pixels(Images.decode(figures.retrain()), ChartStyle.series(0))).as("first run's line").isGreaterThan(100);
    assertThat(Images.pixels(Images.decode(figures.global()), ChartStyle.cut("o|ihw"))).isGreaterThan(100);
  }
}
