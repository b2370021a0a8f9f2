package dev.convcut.study.pipeline;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall and CPU time of each step of a study. CPU time (all of the process's threads) is the
 * figure to plan with on a shared machine: wall time there depends on what else is running.
 */
final class StepClock {
  private final long startWall = System.nanoTime();
  private final long startCpu = cpu();
  private final Map<String, Double> wall = new LinkedHashMap<>();
  private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
  private long wall0 = startWall;
  private long cpu0 = startCpu;

  /** Ends the step {@code name} now and starts the next. */
  void lap(String name) {
    long w = System.nanoTime();
    long c = cpu();
    wall.put(name, (w - wall0) / 1e9);
    cpuSeconds.put(name, (c - cpu0) / 1e9);
    wall0 = w;
    cpu0 = c;
  }

  /** Per step and in total: {@code {"wall": {...}, "cpu": {...}}} in seconds. */
  Map<String, Map<String, Double>> times() {
    Map<String, Double> w = new LinkedHashMap<>(wall);
    Map<String, Double> c = new LinkedHashMap<>(cpuSeconds);
    w.put("total", (System.nanoTime() - startWall) / 1e9);
    c.put("total", (cpu() - startCpu) / 1e9);
    return Map.of("wall", w, "cpu", c);
  }

  private static long cpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }
}
