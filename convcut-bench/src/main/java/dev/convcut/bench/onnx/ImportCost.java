package dev.convcut.bench.onnx;

import dev.convcut.bench.ResidentMemory;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * What one call costs: wall time, the process's resident memory (VmRSS) before, at its peak
 * while the call runs (sampled every {@value #SAMPLE_MS} ms by a watcher thread, and once more at
 * the end) and after, and the bytes the calling thread allocated on the Java heap (HotSpot's
 * per-thread allocation counter; -1 where the JVM has none). A garbage collection runs first so
 * the baseline holds no earlier garbage.
 *
 * @param <T> what the call returns
 */
public record ImportCost<T>(T result, double seconds, double rssBeforeMib, double rssPeakMib, double rssAfterMib,
    long allocatedBytes) {
  static final int SAMPLE_MS = 5;

  /** Peak resident memory above the baseline, MiB. */
  public double extraPeakMib() {
    return rssPeakMib - rssBeforeMib;
  }

  /** Runs {@code call} once and measures it. */
  public static <T> ImportCost<T> measure(Supplier<T> call) {
    System.gc();
    double before = ResidentMemory.mib();
    long alloc0 = allocated();
    long t0 = System.nanoTime();
    T result;
    double seconds;
    long alloc;
    double peak;
    try (ResidentMemory.Sampler sampler = ResidentMemory.Sampler.start(SAMPLE_MS)) {
      result = call.get();
      seconds = (System.nanoTime() - t0) / 1e9;
      alloc = allocated() - alloc0;
      sampler.close();
      peak = sampler.peak();
    }
    double after = ResidentMemory.mib();
    return new ImportCost<>(result, seconds, before, Math.max(Math.max(peak, before), after), after, alloc0 < 0 ? -1 : alloc);
  }

  private static long allocated() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()) {
      return t.getCurrentThreadAllocatedBytes();
    }
    return -1;
  }
}
