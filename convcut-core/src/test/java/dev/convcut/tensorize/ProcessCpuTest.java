package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {
  @Test
  void busyWorkOnThisThreadIsCounted() {
    long c0 = ProcessCpu.nanos();
    long t0 = System.nanoTime();
    double x = 0;
    while (System.nanoTime() - t0 < 200_000_000L) {
      x += Math.sqrt(x + 1);
    }
    long used = ProcessCpu.nanos() - c0;
    // At least a little of the 200 ms spinning ran on a CPU even on a crowded machine, and no
    // more CPU time passed than two cores' worth of the interval plus the JVM's other threads.
    assertThat(used).as("x=%s", x).isGreaterThan(20_000_000L).isLessThan(4_000_000_000L);
  }
}
