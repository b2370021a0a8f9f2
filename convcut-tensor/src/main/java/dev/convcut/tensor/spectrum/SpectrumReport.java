package dev.convcut.tensor.spectrum;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.linalg.Svd;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spectrum of a set of named kernels: per layer and non-trivial cut, the singular values and
 * entropies. Each distinct matricization is decomposed once, values only, through {@link CutJobs}
 * (largest first on {@code threads} Java threads; see docs/tensor-math.md for the measurements
 * behind that choice).
 */
public record SpectrumReport(List<LayerSpectrum> layers, String svd) {

  public SpectrumReport {
    layers = List.copyOf(layers);
  }

  /** The spectrum with the standard SVD on as many threads as there are cores, at most 2. */
  public static SpectrumReport compute(Map<String, Kernel> kernels) {
    return compute(kernels, Svd.standard(), defaultThreads());
  }

  /**
   * Two threads where two cores exist. On this project's shared 2-core machine at load averages
   * of 10–13, one and two threads measured the same (19–23 s for ResNet-50's spectrum); two is
   * for a machine whose cores are free.
   */
  public static int defaultThreads() {
    return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Computes the spectrum of {@code kernels} (layer name → kernel, in the order to report) with
   * {@code svd} on {@code threads} threads. A failing decomposition names its layer and cut.
   */
  public static SpectrumReport compute(Map<String, Kernel> kernels, Svd svd, int threads) {
    List<CutJobs.Job> jobs = CutJobs.distinct(kernels);
    List<double[]> values = CutJobs.run(jobs, job -> svd.values(job.cut().matricize(job.kernel())), threads);
    Map<String, Map<Cut, double[]>> byLayer = new HashMap<>();
    for (int x = 0; x < jobs.size(); x++) {
      byLayer.computeIfAbsent(jobs.get(x).layer(), l -> new EnumMap<>(Cut.class)).put(jobs.get(x).cut(), values.get(x));
    }
    List<LayerSpectrum> layers = new ArrayList<>();
    for (Map.Entry<String, Kernel> e : kernels.entrySet()) {
      layers.add(layer(e.getKey(), e.getValue(), byLayer.getOrDefault(e.getKey(), Map.of())));
    }
    return new SpectrumReport(layers, svd.name());
  }

  private static LayerSpectrum layer(String name, Kernel k, Map<Cut, double[]> values) {
    Map<Cut, Cut> reps = Cut.representatives(k);
    List<CutEntry> entries = new ArrayList<>();
    for (Cut c : Cut.forOrder(k.order())) {
      if (c.isTrivial(k)) {
        continue;
      }
      Cut rep = reps.get(c);
      CutSpectrum s = new CutSpectrum(c, c.rows(k), c.cols(k), values.get(rep));
      entries.add(new CutEntry(c, s.rows(), s.cols(), s.values(), s.entropies(), s.numericalRank(), rep == c ? null : rep));
    }
    return new LayerSpectrum(name, k.shape(), k.norm(), entries);
  }

  /** The layer named {@code name}; the error lists the layers there are. */
  public LayerSpectrum layer(String name) {
    return layers.stream().filter(l -> l.layer().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "no layer '" + name + "' in the spectrum; layers: " + layers.stream().map(LayerSpectrum::layer).toList()));
  }
}
