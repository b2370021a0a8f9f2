package dev.convcut.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
