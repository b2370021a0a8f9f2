package dev.convcut.report.plot;

import dev.convcut.report.data.CutOrder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's one look: white background, readable sans-serif fonts, a legend outside the plot,
 * and a fixed colour per cut so a cut has the same colour in every plot.
 */
final class ChartStyle {
  static final int WIDTH = 900;
  static final int HEIGHT = 560;
  static final Color BASELINE = new Color(0x44, 0x44, 0x44);
  static final Color TOLERANCE = new Color(0xC0, 0x39, 0x2B);
  private static final String FONT = Font.SANS_SERIF;

  /** Tableau 10, with its yellow darkened to stay visible on white. */
  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
    new Color(0xB8960C), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0x7F7F7F)
  };

  private ChartStyle() {}

  static {
    // Plots are drawn off-screen; the report must work on servers without a display.
    System.setProperty("java.awt.headless", "true");
  }

  /** The colour of a cut: canonical cuts by their position, other labels by a stable hash. */
  static Color cut(String cut) {
    int i = CutOrder.CANONICAL.indexOf(cut);
    return i >= 0 ? PALETTE[i] : PALETTE[7 + Math.floorMod(cut.hashCode(), 3)];
  }

  /** The colour of the i-th series where series are not cuts (re-training runs). */
  static Color series(int i) {
    return PALETTE[i % PALETTE.length];
  }

  static XYChart xy(String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    apply(chart.getStyler());
    chart.getStyler().setMarkerSize(7);
    return chart;
  }

  static void apply(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(new Color(0x99, 0x99, 0x99));
    s.setChartTitleFont(new Font(FONT, Font.BOLD, 18));
    s.setChartTitleBoxVisible(false);
    s.setLegendFont(new Font(FONT, Font.PLAIN, 13));
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendBorderColor(new Color(0xCC, 0xCC, 0xCC));
    s.setChartPadding(12);
    s.setAntiAlias(true);
    if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
      a.setAxisTitleFont(new Font(FONT, Font.PLAIN, 15));
      a.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 13));
      a.setPlotGridLinesColor(new Color(0xE3, 0xE3, 0xE3));
      a.setPlotGridLinesStroke(new BasicStroke(1f));
    }
  }

  /** Adds a measured series: a line through its points with markers (markers only where they stay readable). */
  static XYSeries line(XYChart chart, String name, List<Double> x, List<Double> y, Color color, boolean markers) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setLineWidth(2.2f);
    s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    return s;
  }

  /** A horizontal reference line (baseline, tolerance) across [x0, x1], listed in the legend. */
  static void horizontal(XYChart chart, String name, double x0, double x1, double y, Color color, boolean dashed) {
    XYSeries s = chart.addSeries(name, new double[] {x0, x1}, new double[] {y, y});
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(dashed
        ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f)
        : new BasicStroke(1.5f));
  }

  /** Renders {@code chart} to PNG bytes. */
  static Figure render(String fileName, String title, String caption, Chart<?, ?> chart) {
    try {
      return new Figure(fileName, title, caption, chart.getWidth(), chart.getHeight(),
          BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("could not render " + fileName, e);
    }
  }

  /** A file-name-safe form of a layer name: {@code layer3.1.conv2} stays, anything odd becomes '_'. */
  static String slug(int depth, String layer) {
    return String.format(java.util.Locale.ROOT, "%02d-%s", depth, layer.replaceAll("[^A-Za-z0-9._-]", "_"));
  }
}
