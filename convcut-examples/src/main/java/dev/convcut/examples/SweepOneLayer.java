package dev.convcut.examples;

import dev.convcut.api.Convcut;
import dev.convcut.api.Model;
import dev.convcut.api.SweepOptions;
import dev.convcut.api.SweepResult;
import dev.convcut.study.SweepRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** Sweep one layer along every cut and plot top-1 against the norm loss, one line per cut. */
public final class SweepOneLayer {
  public static void main(String[] args) throws IOException {
    try (Model model = Convcut.load(Path.of(args[0]))) {
      SweepResult sweep = model.sweep(SweepOptions.builder().setData(model.testData(500)).optLayers(args[1])
          .optListener((what, done, total) -> System.out.printf("%s %d/%d%n", what, done, total)).build());
      XYChart chart = new XYChart(640, 420);
      chart.setTitle(args[1]);
      chart.setXAxisTitle("norm loss");
      chart.setYAxisTitle("top-1 (%)");
      for (String cut : sweep.rows().stream().map(SweepRow::cut).distinct().toList()) {
        List<SweepRow> rows = sweep.rows().stream().filter(r -> r.cut().equals(cut)).toList();
        chart.addSeries(cut, rows.stream().map(SweepRow::normLoss).toList(), rows.stream().map(r -> 100 * r.score().top1()).toList());
      }
      BitmapEncoder.saveBitmap(chart, args[2], BitmapEncoder.BitmapFormat.PNG);
    }
  }

  private SweepOneLayer() {}
}
