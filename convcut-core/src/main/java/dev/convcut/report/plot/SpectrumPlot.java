package dev.convcut.report.plot;

import dev.convcut.report.data.CutOrder;
import dev.convcut.report.data.LayerSpectrum;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One layer's singular value spectra: {@code s_j / s_1} against {@code j / r} on a log scale, one
 * line per cut, so cuts with different full ranks compare on one axis.
 */
public final class SpectrumPlot {
  /** Values below this (relative to s_1) are rounding noise; a log axis would stretch to show them. */
  static final double FLOOR = 1e-12;
  private static final int MAX_MARKED_RANK = 24;

  private SpectrumPlot() {}

  /**
   * The plot for one layer, or null when it has no non-trivial cut (every full rank is 1).
   *
   * @param depth the layer's depth, for the file name
   */
  public static Figure of(LayerSpectrum layer, int depth) {
    String shape = layer.shape().stream().map(String::valueOf).collect(Collectors.joining("x"));
    var chart = ChartStyle.xy(layer.layer() + (shape.isEmpty() ? "" : " (" + shape + ")") + ": singular values per cut",
        "j / r  (position in the spectrum; r = full rank)", "s_j / s_1  (log scale)");
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(1.0);
    int drawn = 0;
    for (String cut : CutOrder.sorted(layer.cuts().keySet())) {
      double[] s = layer.cuts().get(cut);
      if (s.length < 2 || s[0] <= 0) {
        continue;
      }
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int j = 0; j < s.length && s[j] / s[0] >= FLOOR; j++) {
        x.add((j + 1.0) / s.length);
        y.add(s[j] / s[0]);
      }
      ChartStyle.line(chart, cut + " (r=" + s.length + ")", x, y, ChartStyle.cut(cut), s.length <= MAX_MARKED_RANK);
      drawn++;
    }
    if (drawn == 0) {
      return null;
    }
    return ChartStyle.render("spectrum-" + ChartStyle.slug(depth, layer.layer()) + ".png", layer.layer(),
        "Normalized singular values of " + layer.layer() + " across each cut (values below 1e-12 of s_1 omitted). "
            + "A fast decay means weak correlation across the cut: it can be truncated with little norm loss.",
        chart);
  }
}
