package dev.convcut.report.plot;

import dev.convcut.report.data.CutOrder;
import dev.convcut.report.data.SpectrumEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Normalized entanglement entropy {@code S / ln r} of every layer along every cut, layers in depth order. */
public final class EntropyPlot {
  private EntropyPlot() {}

  /** The plot, or null when no row has a normalized entropy (every cut trivial). */
  public static Figure of(List<SpectrumEntry> spectrum) {
    List<String> layers = spectrum.stream()
        .sorted(Comparator.comparingInt(SpectrumEntry::depth).thenComparing(SpectrumEntry::layer))
        .map(SpectrumEntry::layer).distinct().toList();
    CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
        .title("Normalized entropy per layer and cut")
        .xAxisTitle("layer (by depth)").yAxisTitle("S / ln r  (0 = rank 1, 1 = flat spectrum)").build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setMarkerSize(8);
    if (layers.size() > 8) {
      chart.getStyler().setXAxisLabelRotation(45);
    }
    int drawn = 0;
    for (String cut : CutOrder.sorted(spectrum.stream().map(SpectrumEntry::cut).toList())) {
      List<Double> values = new ArrayList<>();
      for (String layer : layers) {
        values.add(spectrum.stream().filter(e -> e.layer().equals(layer) && e.cut().equals(cut))
            .map(SpectrumEntry::normalizedEntropy).filter(v -> !v.isNaN()).findFirst().orElse(null));
      }
      if (values.stream().allMatch(v -> v == null)) {
        continue;
      }
      CategorySeries s = chart.addSeries(cut, layers, values);
      s.setLineColor(ChartStyle.cut(cut));
      s.setMarkerColor(ChartStyle.cut(cut));
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineWidth(2.2f);
      drawn++;
    }
    if (drawn == 0) {
      return null;
    }
    return ChartStyle.render("entropy.png", "Normalized entropy per layer and cut",
        "Entanglement entropy S = \u2212\u03a3 p_j ln p_j of p_j = s_j\u00b2/\u03a3s\u00b2, divided by its maximum ln r. "
            + "Low values mean weak correlation across the cut.",
        chart);
  }
}
