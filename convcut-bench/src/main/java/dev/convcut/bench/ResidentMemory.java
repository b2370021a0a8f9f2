package dev.convcut.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * This process's resident memory from {@code /proc/self/status}, in MiB: the current resident set
 * ({@code VmRSS}) and its peak since the process started ({@code VmHWM}) — the JVM's heap, the
 * JVM itself and every native allocation (libtorch's tensors, OpenBLAS) together. -1 where there
 * is no /proc.
 */
public final class ResidentMemory {
  private ResidentMemory() {}

  /** The current resident set size. */
  public static double mib() {
    return field("VmRSS:");
  }

  /** The peak resident set size since the process started. */
  public static double peakMib() {
    return field("VmHWM:");
  }

  private static double field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: no figure.
    }
    return -1;
  }

  /** Samples {@link #mib} every {@code millis} ms on a daemon thread from {@link #start} until closed. */
  public static final class Sampler implements AutoCloseable {
    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    private Sampler(long millis) {
      thread = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          samples.add(mib());
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "rss-sampler");
      thread.setDaemon(true);
    }

    public static Sampler start(long millis) {
      Sampler s = new Sampler(millis);
      s.thread.start();
      return s;
    }

    /** Stops sampling and waits for the sampler to end. */
    @Override
    public void close() {
      thread.interrupt();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Every sample so far, MiB. */
    public List<Double> samples() {
      synchronized (samples) {
        return List.copyOf(samples);
      }
    }

    /** The largest sample so far, or 0 without any. */
    public double peak() {
      return samples().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
  }
}
