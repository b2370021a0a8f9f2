package dev.convcut.tensor.spectrum;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.linalg.DecompositionException;
import dev.convcut.tensor.linalg.Lapack;
import dev.convcut.tensor.linalg.Svd;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The spectrum of a set of named kernels: per layer and non-trivial cut, the singular values and
 * entropies. Each distinct matricization is decomposed once, values only; the decompositions run
 * largest first on {@code threads} Java threads, with OpenBLAS held to one thread meanwhile so
 * the two kinds of threads do not compete for the cores (see docs/tensor-math.md for the
 * measurement behind this).
 */
public record SpectrumReport(List<LayerSpectrum> layers, String svd) {

  public SpectrumReport {
    layers = List.copyOf(layers);
  }

  /** The spectrum with the standard SVD on as many threads as there are cores, at most 2. */
  public static SpectrumReport compute(Map<String, Kernel> kernels) {
    return compute(kernels, Svd.standard(), defaultThreads());
  }

  /** Two threads where two cores exist: the configuration measured fastest here. */
  public static int defaultThreads() {
    return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Computes the spectrum of {@code kernels} (layer name → kernel, in the order to report) with
   * {@code svd} on {@code threads} threads. A failing decomposition names its layer and cut.
   */
  public static SpectrumReport compute(Map<String, Kernel> kernels, Svd svd, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    List<Task> tasks = new ArrayList<>();
    for (Map.Entry<String, Kernel> e : kernels.entrySet()) {
      Kernel k = e.getValue();
      Map<Cut, Cut> reps = Cut.representatives(k);
      for (Cut c : Cut.forOrder(k.order())) {
        if (!c.isTrivial(k) && reps.get(c) == c) {
          tasks.add(new Task(e.getKey(), k, c));
        }
      }
    }
    Map<Task, double[]> values = run(tasks, svd, threads);
    List<LayerSpectrum> layers = new ArrayList<>();
    for (Map.Entry<String, Kernel> e : kernels.entrySet()) {
      layers.add(layer(e.getKey(), e.getValue(), values));
    }
    return new SpectrumReport(layers, svd.name());
  }

  private static LayerSpectrum layer(String name, Kernel k, Map<Task, double[]> values) {
    Map<Cut, Cut> reps = Cut.representatives(k);
    List<CutEntry> entries = new ArrayList<>();
    for (Cut c : Cut.forOrder(k.order())) {
      if (c.isTrivial(k)) {
        continue;
      }
      Cut rep = reps.get(c);
      CutSpectrum s = new CutSpectrum(c, c.rows(k), c.cols(k), values.get(new Task(name, k, rep)));
      entries.add(new CutEntry(c, s.rows(), s.cols(), s.values(), s.entropies(), s.numericalRank(), rep == c ? null : rep));
    }
    return new LayerSpectrum(name, k.shape(), k.norm(), entries);
  }

  /** One values-only decomposition. Identity is (layer, cut): kernels are compared by reference. */
  private record Task(String layer, Kernel kernel, Cut cut) {
    long cost() {
      long m = cut.rows(kernel);
      long n = cut.cols(kernel);
      return Math.max(m, n) * Math.min(m, n) * Math.min(m, n);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Task t && t.layer.equals(layer) && t.cut == cut;
    }

    @Override
    public int hashCode() {
      return layer.hashCode() * 31 + cut.hashCode();
    }
  }

  private static Map<Task, double[]> run(List<Task> tasks, Svd svd, int threads) {
    List<Task> order = new ArrayList<>(tasks);
    order.sort(Comparator.comparingLong(Task::cost).reversed());
    Map<Task, double[]> out = new LinkedHashMap<>();
    if (threads == 1) {
      for (Task t : order) {
        out.put(t, decompose(t, svd));
      }
      return out;
    }
    int blasThreads = Lapack.threads();
    Lapack.setThreads(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread th = new Thread(r, "convcut-spectrum");
      th.setDaemon(true);
      return th;
    });
    try {
      Map<Task, Future<double[]>> futures = new LinkedHashMap<>();
      for (Task t : order) {
        futures.put(t, pool.submit(() -> decompose(t, svd)));
      }
      for (Map.Entry<Task, Future<double[]>> f : futures.entrySet()) {
        out.put(f.getKey(), f.getValue().get());
      }
      return out;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException re ? re : new DecompositionException(cause.toString(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DecompositionException("interrupted while computing the spectrum", e);
    } finally {
      pool.shutdownNow();
      Lapack.setThreads(blasThreads);
    }
  }

  private static double[] decompose(Task t, Svd svd) {
    try {
      return svd.values(t.cut.matricize(t.kernel));
    } catch (DecompositionException e) {
      throw new DecompositionException("layer " + t.layer + ", cut " + t.cut + ": " + e.getMessage(), e);
    }
  }

  /** The layer named {@code name}; the error lists the layers there are. */
  public LayerSpectrum layer(String name) {
    return layers.stream().filter(l -> l.layer().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "no layer '" + name + "' in the spectrum; layers: " + layers.stream().map(LayerSpectrum::layer).toList()));
  }
}
