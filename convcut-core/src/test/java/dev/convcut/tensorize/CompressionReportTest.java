package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompressionReportTest {
  static CompressionReport report(List<Double> epochs) {
    return new CompressionReport(List.of(
        new CompressionReport.LayerRow("a", "8x4x3x3", "tucker2", "4,2", 0.125, 0.48, 296, 120, 2960, 1200, 2.0, 1.0, 4.0,
            1.6, -0.3),
        new CompressionReport.LayerRow("b", "8x8x1x1", "dense", "", 0, 0, 64, 64, 640, 640, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN)),
        new CompressionReport.Totals(360, 184, 1000, 824, 4000, 2240),
        new CompressionReport.Speed("libtorch", "2.7.1", 16, 2, 5, 10.0, 4.0, 20.0, 8.0, 1.5, null),
        new CompressionReport.Speed("onnxruntime", "1.22.0", 16, 2, 5, 6.0, 2.0, 12.0, 4.0, 1.5, null),
        new CompressionReport.Accuracy("x/test: all 10 images", 0.9, 0.5, epochs), "selection line");
  }

  @Test
  void theCsvHasOneRowPerConvolutionWithEmptyFieldsWhereNotApplicable() {
    String[] lines = report(List.of()).csv().split("\n");
    assertThat(lines[0]).isEqualTo(CompressionReport.CSV_HEADER.strip());
    assertThat(lines[1]).isEqualTo("a,8x4x3x3,tucker2,\"4,2\",0.125,0.48,296,120,2960,1200,2.0,1.0,2.0,4.0,1.6,2.5,-0.3");
    assertThat(lines[2]).isEqualTo("b,8x8x1x1,dense,,,,64,64,640,640,,,,,,,");
  }

  @Test
  void theTableStatesTotalsLatencyAndAccuracyPerEpoch() {
    String t = report(List.of(0.85, 0.89)).table();
    assertThat(t).contains("convolution parameters 360 -> 184 (1.96x fewer)")
        .contains("libtorch:    CPU latency, batch 16, 2 threads, median of 5: dense 10.00 ms, compressed 4.00 ms (2.50x faster);"
            + " CPU time 20.00 ms vs 8.00 ms (2.50x less); load average 1.50; kernels libtorch's default")
        .contains("onnxruntime: CPU latency, batch 16, 2 threads, median of 5: dense 6.00 ms, compressed 2.00 ms (3.00x faster);"
            + " CPU time 12.00 ms vs 4.00 ms (3.00x less); load average 1.50; ONNX Runtime 1.22.0, BatchNorm folded")
        .contains("dense 90.00%, compressed 50.00% before fine-tuning, epoch 1 85.00%, epoch 2 89.00%; final -1.00 points")
        .contains("selection line");
  }

  @Test
  void withoutFineTuningTheFinalAccuracyIsTheCompressedOne() {
    assertThat(report(List.of()).accuracy().finalTop1()).isEqualTo(0.5);
    assertThat(report(List.of(0.7, 0.8)).accuracy().finalDelta()).isCloseTo(-10.0, org.assertj.core.api.Assertions.within(1e-9));
  }
}
