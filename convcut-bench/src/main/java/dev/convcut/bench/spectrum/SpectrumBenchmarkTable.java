package dev.convcut.bench.spectrum;

import java.util.Locale;

/** The benchmark's result as the table {@code bench spectrum} prints. */
public final class SpectrumBenchmarkTable {
  private SpectrumBenchmarkTable() {}

  public static String format(SpectrumBenchmark.Result r) {
    SpectrumBenchmark.Options o = r.options();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "bench spectrum: %d random kernels with ResNet-50 (CIFAR stem) shapes, %s, %s, seed %d%n",
        r.kernels(), o.dtype(), o.vectors() ? "thin SVD with vectors" : "values only", o.seed()));
    b.append(String.format(Locale.ROOT, "machine: %d cores, load average %.2f before, %.2f after; %s%n",
        Runtime.getRuntime().availableProcessors(), r.loadBefore(), r.loadAfter(), r.blas()));
    Double peer = r.rows().isEmpty() || r.peerNote() != null ? null : r.rows().get(0).seconds();
    int width = r.rows().stream().mapToInt(x -> x.what().length()).max().orElse(10);
    b.append(String.format(Locale.ROOT, "%-" + width + "s  %5s  %9s  %8s%n", "", "SVDs", "seconds", "vs peer"));
    for (SpectrumBenchmark.Row row : r.rows()) {
      String ratio = peer == null || peer == 0 ? "-" : String.format(Locale.ROOT, "%.2f×", row.seconds() / peer);
      b.append(String.format(Locale.ROOT, "%-" + width + "s  %5d  %9.3f  %8s%n", row.what(), row.svds(), row.seconds(), ratio));
    }
    if (r.peerBlas() != null) {
      b.append("peer: ").append(r.peerBlas()).append('\n');
    }
    if (r.peerNote() != null) {
      b.append("peer: not measured: ").append(r.peerNote()).append('\n');
    }
    Agreement a = r.agreement();
    if (a != null) {
      b.append(String.format(Locale.ROOT,
          "agreement with numpy: %d matrices, %d singular values; max relative difference %.2e (worst %s), %.2e relative to s1; "
              + "tolerance %.0e %s: %s%n",
          a.matrices(), a.values(), a.maxRelative(), a.worst(), a.maxRelativeToLargest(), a.tolerance(),
          a.relativeToLargest() ? "relative to s1" : "relative", a.ok() ? "ok" : "FAILED"));
    }
    return b.toString();
  }
}
