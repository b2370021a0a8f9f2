package dev.convcut.tensorize;

import dev.convcut.engine.Torch;
import dev.convcut.model.Network;
import dev.convcut.study.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code convcut compress} did, per convolution and in total: parameters, multiply-adds and
 * measured CPU latency of the dense and the compressed model side by side, and top-1 accuracy of
 * the dense model, the compressed one before fine-tuning and after each fine-tuning epoch. The
 * whole-model latency is measured in libtorch ({@code speed}) and, with the same batch and threads,
 * in ONNX Runtime on the exported models ({@code onnxruntime}; null when not measured). Written
 * as {@code compress.json} (this record), {@code compress.csv} (the layer rows) and a table.
 */
public record CompressionReport(List<LayerRow> layers, Totals totals, Speed speed, Speed onnxruntime, Accuracy accuracy,
    String selection) {

  public CompressionReport {
    layers = List.copyOf(layers);
  }

  /**
   * One convolution. {@code method} is {@code dense} for a layer left dense, the input's origin text
   * for one the input checkpoint had factorized already, and {@code ranks} is then empty; latencies are
   * median milliseconds per batch (NaN when the layer was not timed), {@code sensitivity} the
   * measured {@code delta_top1} of this layer alone (points; NaN outside automatic mode).
   */
  public record LayerRow(String layer, String shape, String method, String ranks, double normLoss, double relError,
      long denseParams, long params, long denseMacs, long macs, double denseMs, double factorizedMs, double denseCpuMs,
      double factorizedCpuMs, double sensitivity) {}

  /** Convolution and whole-model parameters and multiply-adds per image, dense and compressed. */
  public record Totals(long convParamsDense, long convParams, long modelParamsDense, long modelParams, long macsDense,
      long macs) {
    public double convParamsRatio() {
      return (double) convParamsDense / convParams;
    }

    public double macsRatio() {
      return (double) macsDense / macs;
    }
  }

  /**
   * Whole-model latency in one runtime ({@code libtorch} or {@code onnxruntime}, with its
   * version): median wall-clock and process-CPU milliseconds per batch of {@code batch} images on
   * {@code threads} threads, the load average when it was measured, and libtorch's kernel cap
   * (null: its default kernels; always null for other runtimes).
   */
  public record Speed(String runtime, String version, int batch, int threads, int repeats, double denseMs,
      double compressedMs, double denseCpuMs, double compressedCpuMs, double loadAverage, String cpuIsaCap) {
    public double speedup() {
      return denseMs / compressedMs;
    }

    public double cpuSpeedup() {
      return denseCpuMs / compressedCpuMs;
    }

    /** {@code pair} measured with {@code settings} in {@code runtime} on the engine's threads, now: load average and kernel cap included. */
    public static Speed measured(InferenceRuntime runtime, Latency.Settings settings, Latency.Pair pair) {
      boolean torch = runtime.name().equals(TorchRuntime.NAME);
      return new Speed(runtime.name(), runtime.version(), settings.batch(), Torch.threads(), settings.repeats(),
          pair.denseMs(), pair.factorizedMs(), pair.denseCpuMs(), pair.factorizedCpuMs(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          torch ? Torch.cpuIsaCap() : null);
    }

    /** Measures {@code dense} against {@code compressed} in {@code runtime} with {@code settings}. */
    public static Speed measure(InferenceRuntime runtime, Network dense, Network compressed, Latency.Settings settings) {
      return measured(runtime, settings, runtime.model(dense, compressed, settings));
    }

    /** One line: both latencies, the speed-up by wall and by CPU time, the load and the kernels. */
    public String line() {
      boolean torch = runtime.equals(TorchRuntime.NAME);
      return String.format(Locale.ROOT, "CPU latency, batch %d, %d threads, median of %d: dense %.2f ms, compressed %.2f ms"
          + " (%.2fx faster); CPU time %.2f ms vs %.2f ms (%.2fx less); load average %.2f; %s", batch, threads,
          repeats, denseMs, compressedMs, speedup(), denseCpuMs, compressedCpuMs, cpuSpeedup(), loadAverage,
          !torch ? "ONNX Runtime " + version + ", BatchNorm folded"
              : cpuIsaCap == null ? "kernels libtorch's default" : "kernels capped at " + cpuIsaCap);
    }
  }

  /**
   * Top-1 fractions on {@code evaluated} (e.g. {@code fashion-mnist/test: all 10000 images});
   * {@code perEpoch} after each fine-tuning epoch (empty without fine-tuning).
   */
  public record Accuracy(String evaluated, double denseTop1, double compressedTop1, List<Double> perEpoch) {
    public Accuracy {
      perEpoch = List.copyOf(perEpoch);
    }

    /** The final compressed top-1: after the last fine-tuning epoch, or before fine-tuning without it. */
    public double finalTop1() {
      return perEpoch.isEmpty() ? compressedTop1 : perEpoch.get(perEpoch.size() - 1);
    }

    /** {@link #finalTop1} minus the dense top-1, in percentage points. */
    public double finalDelta() {
      return 100 * (finalTop1() - denseTop1);
    }
  }

  public static final String CSV_HEADER = "layer,shape,method,ranks,norm_loss,rel_error,dense_params,params,dense_macs,macs,"
      + "dense_ms,factorized_ms,speedup,dense_cpu_ms,factorized_cpu_ms,cpu_speedup,sensitivity_delta_top1\n";

  /** compress.csv: one row per convolution; empty fields where not applicable. */
  public String csv() {
    StringBuilder sb = new StringBuilder(CSV_HEADER);
    for (LayerRow r : layers) {
      boolean dense = r.ranks().isEmpty();
      sb.append(Csv.row(java.util.Arrays.asList(r.layer(), r.shape(), r.method(), dense ? null : r.ranks(),
          dense ? null : r.normLoss(), dense ? null : r.relError(), r.denseParams(), r.params(), r.denseMacs(), r.macs(),
          nan(r.denseMs()), nan(r.factorizedMs()), Double.isNaN(r.factorizedMs()) ? null : r.denseMs() / r.factorizedMs(),
          nan(r.denseCpuMs()), nan(r.factorizedCpuMs()),
          Double.isNaN(r.factorizedCpuMs()) ? null : r.denseCpuMs() / r.factorizedCpuMs(), nan(r.sensitivity()))));
    }
    return sb.toString();
  }

  private static Double nan(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** The table printed on stdout. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-22s %-10s %-11s %-9s %6s %9s %9s %10s %10s %8s %8s %6s %6s%n", "layer", "shape",
        "method", "ranks", "eta", "params", "dense", "MACs", "dense", "ms", "dense ms", "x", "cpu x"));
    for (LayerRow r : layers) {
      boolean dense = r.ranks().isEmpty();
      sb.append(String.format(Locale.ROOT, "%-22s %-10s %-11s %-9s %6s %9d %9d %10d %10d %8s %8s %6s %6s%n", r.layer(),
          r.shape(), r.method(), dense ? "" : r.ranks(), dense ? "" : String.format(Locale.ROOT, "%.3f", r.normLoss()),
          r.params(), r.denseParams(), r.macs(), r.denseMacs(), ms(r.factorizedMs()), ms(r.denseMs()),
          ratio(r.denseMs(), r.factorizedMs()), ratio(r.denseCpuMs(), r.factorizedCpuMs())));
    }
    sb.append(String.format(Locale.ROOT, "convolution parameters %d -> %d (%.2fx fewer); model parameters %d -> %d;"
        + " multiply-adds per image %d -> %d (%.2fx fewer)%n", totals.convParamsDense(), totals.convParams(),
        totals.convParamsRatio(), totals.modelParamsDense(), totals.modelParams(), totals.macsDense(), totals.macs(),
        totals.macsRatio()));
    sb.append(onnxruntime == null ? "" : "libtorch:    ").append(speed.line()).append('\n');
    if (onnxruntime != null) {
      sb.append("onnxruntime: ").append(onnxruntime.line()).append('\n');
    }
    List<String> epochs = new ArrayList<>();
    for (int e = 0; e < accuracy.perEpoch().size(); e++) {
      epochs.add(String.format(Locale.ROOT, "epoch %d %.2f%%", e + 1, 100 * accuracy.perEpoch().get(e)));
    }
    sb.append(String.format(Locale.ROOT, "top-1 on %s: dense %.2f%%, compressed %.2f%% before fine-tuning%s; final %+.2f"
        + " points%n", accuracy.evaluated(), 100 * accuracy.denseTop1(), 100 * accuracy.compressedTop1(),
        epochs.isEmpty() ? "" : ", " + String.join(", ", epochs), accuracy.finalDelta()));
    if (selection != null) {
      sb.append(selection).append('\n');
    }
    return sb.toString();
  }

  private static String ratio(double dense, double factorized) {
    return Double.isNaN(factorized) ? "" : String.format(Locale.ROOT, "%.2f", dense / factorized);
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
  }
}
