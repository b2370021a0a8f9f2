package dev.convcut.report.plot;

import dev.convcut.report.analysis.CutTolerance;
import dev.convcut.report.analysis.Findings;
import dev.convcut.report.analysis.LayerRole;
import dev.convcut.report.analysis.LayerSummary;
import dev.convcut.report.data.CutOrder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The depth finding as a picture: tolerable norm loss against layer depth. {@link #bestCut}
 * marks each kind of convolution of a residual network differently (the blocks' first and second
 * convolutions, the 1×1 downsampling projections, the stem) and draws the stage boundaries;
 * {@link #perCut} draws one line per cut.
 */
public final class DepthPlot {
  private DepthPlot() {}

  /** Tolerable norm loss at each layer's best cut against depth, one marker per kind; null with fewer than 2 layers. */
  public static Figure bestCut(Findings f) {
    if (f.layers().size() < 2) {
      return null;
    }
    Map<String, LayerSummary> byName = new LinkedHashMap<>();
    f.layers().forEach(l -> byName.put(l.layer(), l));
    XYChart chart = ChartStyle.xy("Tolerable norm loss vs depth (best cut per layer)", "depth (layer index)",
        "tolerable norm loss (%)");
    double max = f.layers().stream().mapToDouble(l -> 100 * l.best().tolerableNormLoss()).max().orElse(1);
    boolean residual = LayerRole.residual(f.roles());
    if (residual) {
      String previous = null;
      for (LayerRole r : f.roles()) {
        if (previous != null && !r.stage().equals(previous)) {
          vertical(chart, "stage boundary " + previous + " | " + r.stage(), r.depth() - 0.5, Math.max(1, max * 1.05));
        }
        previous = r.stage();
      }
    }
    int colour = 0;
    for (LayerRole.Kind kind : LayerRole.Kind.values()) {
      List<LayerRole> of = f.roles().stream().filter(r -> r.kind() == kind).toList();
      if (of.isEmpty()) {
        continue;
      }
      List<Double> x = of.stream().map(r -> (double) r.depth()).toList();
      List<Double> y = of.stream().map(r -> 100 * byName.get(r.layer()).best().tolerableNormLoss()).toList();
      XYSeries s = chart.addSeries(kind.label() + " (" + of.size() + ")", x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      Color c = ChartStyle.series(colour++);
      s.setMarkerColor(c);
      s.setMarker(marker(kind));
    }
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setMarkerSize(11);
    return ChartStyle.render("depth.png", "Tolerable norm loss against depth",
        "Each layer's tolerable norm loss at its best cut against its depth"
            + (residual ? "; the blocks' first and second convolutions, the 1\u00d71 downsampling projections and the stem are "
                + "marked apart, and dashed lines separate the stages." : "."),
        chart);
  }

  /** Tolerable norm loss against depth along each cut; null with fewer than 2 layers. */
  public static Figure perCut(Findings f) {
    if (f.layers().size() < 2) {
      return null;
    }
    XYChart chart = ChartStyle.xy("Tolerable norm loss vs depth, per cut", "depth (layer index)", "tolerable norm loss (%)");
    List<String> cuts = CutOrder.sorted(f.layers().stream().flatMap(l -> l.cuts().stream().map(CutTolerance::cut)).toList());
    for (String cut : cuts) {
      List<LayerSummary> along = f.layers().stream().filter(l -> l.cut(cut) != null).toList();
      Function<LayerSummary, Double> eta = l -> 100 * l.cut(cut).tolerableNormLoss();
      ChartStyle.line(chart, cut + " (" + along.size() + " layers)", along.stream().map(l -> (double) l.depth()).toList(),
          along.stream().map(eta).toList(), ChartStyle.cut(cut), true);
    }
    List<String> projections = new ArrayList<>();
    f.roles().stream().filter(r -> r.kind() == LayerRole.Kind.PROJECTION).forEach(r -> projections.add(r.layer() + " at depth " + r.depth()));
    chart.getStyler().setYAxisMin(0.0);
    return ChartStyle.render("depth-cuts.png", "Tolerable norm loss against depth, per cut",
        "One line per cut through the layers the sweep cut along it."
            + (projections.isEmpty() ? "" : " The 1\u00d71 downsampling projections (" + String.join(", ", projections)
                + ") have only the cuts of a 1\u00d71 kernel."),
        chart);
  }

  private static Marker marker(LayerRole.Kind kind) {
    return switch (kind) {
      case FIRST -> SeriesMarkers.CIRCLE;
      case SECOND -> SeriesMarkers.SQUARE;
      case THIRD -> SeriesMarkers.TRIANGLE_DOWN;
      case PROJECTION -> SeriesMarkers.TRIANGLE_UP;
      case STEM, HEAD -> SeriesMarkers.DIAMOND;
      case PLAIN -> SeriesMarkers.CIRCLE;
    };
  }

  private static void vertical(XYChart chart, String name, double x, double top) {
    XYSeries s = chart.addSeries(name, new double[] {x, x}, new double[] {0, top});
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(new Color(0x99, 0x99, 0x99));
    s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    s.setShowInLegend(false);
  }
}
