package dev.convcut.tensorize;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by all of this process's threads, libtorch's native workers included, in
 * nanoseconds. On Linux it sums the first field of {@code /proc/self/task/*}{@code /schedstat}
 * (time on a CPU, in nanoseconds); elsewhere, or when that cannot be read, it falls back to the
 * JVM's process CPU time, whose resolution may be as coarse as 10 ms.
 */
public final class ProcessCpu {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ProcessCpu() {}

  /** CPU nanoseconds used so far by all of this process's threads. */
  public static long nanos() {
    if (Files.isDirectory(TASKS)) {
      long sum = 0;
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
        for (Path t : tasks) {
          try {
            String line = Files.readString(t.resolve("schedstat"));
            sum += Long.parseLong(line.substring(0, line.indexOf(' ')));
          } catch (IOException | RuntimeException e) {
            // A thread that ended between listing and reading has no more time to add.
          }
        }
        return sum;
      } catch (IOException e) {
        return OS.getProcessCpuTime();
      }
    }
    return OS.getProcessCpuTime();
  }
}
