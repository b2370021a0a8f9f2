package dev.convcut.report.plot;

import dev.convcut.report.analysis.CutTolerance;
import dev.convcut.report.analysis.Format;
import dev.convcut.report.analysis.Findings;
import dev.convcut.report.analysis.LayerSummary;
import dev.convcut.report.data.CutOrder;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * The layer × cut heat map of tolerable norm loss (%), the first layer at the top, each cell
 * annotated with its value; the image grows with the number of layers so the values stay readable.
 */
public final class ToleranceHeatMap {
  private static final int ROW_PIXELS = 34;

  private ToleranceHeatMap() {}

  public static Figure of(Findings findings) {
    List<LayerSummary> layers = findings.layers();
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a heat map needs at least one swept layer");
    }
    List<String> cuts = CutOrder.sorted(layers.stream().flatMap(l -> l.cuts().stream().map(CutTolerance::cut)).toList());
    List<String> rows = new ArrayList<>();
    List<Number[]> cells = new ArrayList<>();
    double max = 0;
    for (int y = 0; y < layers.size(); y++) {
      LayerSummary layer = layers.get(layers.size() - 1 - y);
      rows.add(layer.layer());
      for (int x = 0; x < cuts.size(); x++) {
        CutTolerance c = layer.cut(cuts.get(x));
        if (c != null) {
          double v = 100 * c.tolerableNormLoss();
          cells.add(new Number[] {x, y, v});
          max = Math.max(max, v);
        }
      }
    }
    int height = Math.max(ChartStyle.HEIGHT, 170 + ROW_PIXELS * layers.size());
    HeatMapChart chart = new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(height)
        .title("Tolerable norm loss (%) per layer and cut")
        .xAxisTitle("cut").yAxisTitle("layer (first at the top)").build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setAxisTicksLineVisible(false);
    chart.getStyler()
        .setRangeColors(new Color[] {new Color(0xFFFFE0), new Color(0x9ED9B4), new Color(0x3A8FC2)})
        .setMin(0).setMax(niceCeiling(max))
        .setShowValue(true)
        .setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13))
        .setValueFontColor(Color.BLACK)
        .setHeatMapValueDecimalPattern("0.0")
        .setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.addSeries("tolerable norm loss (%)", cuts, rows, cells);
    return ChartStyle.render("tolerance-heatmap.png", "Tolerable norm loss per layer and cut",
        "For each layer and cut, the largest norm loss \u03b7 (%) such that that level and every level with a smaller "
            + "\u03b7 kept top-1 within " + Format.tolerance(findings.criteria().tolerance())
            + " points of the baseline. Empty cells: cuts the sweep did not measure for that layer.",
        chart);
  }

  /** The colour scale's top: a round number at or above {@code max}, so the legend reads 25 rather than 20.1649.... */
  static double niceCeiling(double max) {
    if (!(max > 0)) {
      return 1;
    }
    double step = Math.pow(10, Math.floor(Math.log10(max))) / 2;
    return Math.round(Math.ceil(max / step - 1e-9) * step * 1e6) / 1e6;
  }
}
