package dev.convcut.tensor.spectrum;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.linalg.DecompositionException;
import dev.convcut.tensor.linalg.Lapack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Work on (layer, cut) pairs of many kernels, run in parallel: the decompositions behind a
 * spectrum, or the SVDs a sweep precomputes. Jobs run largest first on {@code threads} Java
 * threads with OpenBLAS held to one thread meanwhile (its spinning workers and ours would compete
 * for the cores); results come back in job order; a failure names its layer and cut.
 */
public final class CutJobs {
  /** One (layer, cut) of a kernel. */
  public record Job(String layer, Kernel kernel, Cut cut) {
    /** Flops of an SVD of the matricization, up to a constant: {@code max · min²}. */
    public long cost() {
      long m = cut.rows(kernel);
      long n = cut.cols(kernel);
      return Math.max(m, n) * Math.min(m, n) * Math.min(m, n);
    }
  }

  private CutJobs() {}

  /** Every non-trivial cut of every kernel, layers in map order, cuts in canonical order. */
  public static List<Job> all(Map<String, Kernel> kernels) {
    return select(kernels, false);
  }

  /** As {@link #all}, but of each set of coinciding cuts only the first: one job per distinct matrix. */
  public static List<Job> distinct(Map<String, Kernel> kernels) {
    return select(kernels, true);
  }

  private static List<Job> select(Map<String, Kernel> kernels, boolean distinct) {
    List<Job> jobs = new ArrayList<>();
    for (Map.Entry<String, Kernel> e : kernels.entrySet()) {
      Kernel k = e.getValue();
      Map<Cut, Cut> reps = Cut.representatives(k);
      for (Cut c : Cut.forOrder(k.order())) {
        if (!c.isTrivial(k) && (!distinct || reps.get(c) == c)) {
          jobs.add(new Job(e.getKey(), k, c));
        }
      }
    }
    return jobs;
  }

  /** Runs {@code work} on every job and returns the results in the jobs' order. */
  public static <T> List<T> run(List<Job> jobs, Function<Job, T> work, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
    }
    Integer[] order = new Integer[jobs.size()];
    Arrays.setAll(order, x -> x);
    Arrays.sort(order, Comparator.comparingLong((Integer x) -> jobs.get(x).cost()).reversed());
    List<T> results = new ArrayList<>(jobs.size());
    for (int x = 0; x < jobs.size(); x++) {
      results.add(null);
    }
    if (threads == 1) {
      for (int x : order) {
        results.set(x, named(jobs.get(x), work));
      }
      return results;
    }
    int blasThreads = Lapack.threads();
    Lapack.setThreads(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread th = new Thread(r, "convcut-cut-jobs");
      th.setDaemon(true);
      return th;
    });
    try {
      List<Future<T>> futures = new ArrayList<>(jobs.size());
      for (int x = 0; x < jobs.size(); x++) {
        futures.add(null);
      }
      for (int x : order) {
        Job job = jobs.get(x);
        futures.set(x, pool.submit(() -> named(job, work)));
      }
      for (int x = 0; x < jobs.size(); x++) {
        results.set(x, futures.get(x).get());
      }
      return results;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException re ? re : new DecompositionException(cause.toString(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DecompositionException("interrupted while decomposing", e);
    } finally {
      pool.shutdownNow();
      Lapack.setThreads(blasThreads);
    }
  }

  private static <T> T named(Job job, Function<Job, T> work) {
    try {
      return work.apply(job);
    } catch (DecompositionException e) {
      throw new DecompositionException("layer " + job.layer() + ", cut " + job.cut() + ": " + e.getMessage(), e);
    }
  }
}
