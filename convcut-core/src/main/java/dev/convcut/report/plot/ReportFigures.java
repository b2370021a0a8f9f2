package dev.convcut.report.plot;

import dev.convcut.report.analysis.Findings;
import dev.convcut.report.analysis.LayerSummary;
import dev.convcut.report.data.LayerSpectrum;
import dev.convcut.report.data.SpectrumEntry;
import dev.convcut.report.data.StudyRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every plot of a report, grouped by section; a plot whose data the run lacks is null (or its
 * list empty).
 */
public record ReportFigures(Figure heatMap, Figure depth, Figure depthPerCut, List<Figure> sweeps, Figure entropy, List<Figure> spectra,
    Figure global, Figure retrain) {

  public ReportFigures {
    sweeps = List.copyOf(sweeps);
    spectra = List.copyOf(spectra);
  }

  /** Draws the plots of {@code run}. */
  public static ReportFigures draw(StudyRun run, Findings findings) {
    List<Figure> sweeps = new ArrayList<>();
    for (LayerSummary layer : findings.layers()) {
      sweeps.add(SweepPlot.of(layer, run.sweep().points(), findings.criteria()));
    }
    List<Figure> spectra = new ArrayList<>();
    if (run.singularValues() != null) {
      List<LayerSpectrum> layers = run.singularValues();
      for (int i = 0; i < layers.size(); i++) {
        Figure f = SpectrumPlot.of(layers.get(i), depth(run, layers.get(i).layer(), i));
        if (f != null) {
          spectra.add(f);
        }
      }
    }
    return new ReportFigures(
        findings.layers().isEmpty() ? null : ToleranceHeatMap.of(findings),
        DepthPlot.bestCut(findings),
        DepthPlot.perCut(findings),
        sweeps,
        run.spectrum() == null ? null : EntropyPlot.of(run.spectrum()),
        spectra,
        run.global() == null ? null : GlobalPlot.of(run.global(), findings.criteria()),
        run.retrain() == null ? null : RetrainPlot.of(run.retrain(), findings.recoveries(), findings.criteria()));
  }

  /** Every figure, in page order. */
  public List<Figure> all() {
    return Stream.of(Stream.of(heatMap, depth, depthPerCut), sweeps.stream(), Stream.of(entropy), spectra.stream(), Stream.of(global, retrain))
        .flatMap(s -> s).filter(Objects::nonNull).toList();
  }

  /** A layer's depth from spectrum.csv or the sweep; else its position in singular_values.json. */
  private static int depth(StudyRun run, String layer, int position) {
    if (run.spectrum() != null) {
      for (SpectrumEntry e : run.spectrum()) {
        if (e.layer().equals(layer)) {
          return e.depth();
        }
      }
    }
    if (run.sweep() != null) {
      for (var p : run.sweep().points()) {
        if (p.layer().equals(layer)) {
          return p.depth();
        }
      }
    }
    return position;
  }
}
