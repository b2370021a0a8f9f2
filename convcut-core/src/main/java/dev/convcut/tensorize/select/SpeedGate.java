package dev.convcut.tensorize.select;

import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.tensorize.DenseConv;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Admits a layer's candidates whose factor chain runs at least {@code minSpeedup} times as fast
 * as the dense convolution it replaces, as measured on this machine. Fewer parameters or
 * multiply-adds do not make a layer faster by themselves: a chain of thin or grouped
 * convolutions can take longer than the one dense convolution (libtorch's CPU kernels are far
 * less efficient on few channels and on depthwise convolutions), so automatic mode measures
 * instead of assuming. Each candidate is measured at most once; the figures are kept for the
 * report.
 */
public final class SpeedGate {
  /** Measures how many times faster a candidate's chain is than the dense layer. */
  @FunctionalInterface
  public interface Meter {
    double speedup(DenseConv layer, Candidate candidate);
  }

  private final double minSpeedup;
  private final Meter meter;
  private final Map<Candidate, Double> measured = new IdentityHashMap<>();

  public SpeedGate(double minSpeedup, Meter meter) {
    if (!(minSpeedup > 0) || Double.isInfinite(minSpeedup)) {
      throw new InvalidSettingException(Setting.MIN_SPEEDUP, minSpeedup, " must be a positive number, got " + minSpeedup);
    }
    this.minSpeedup = minSpeedup;
    this.meter = meter;
  }

  public double minSpeedup() {
    return minSpeedup;
  }

  /** Whether {@code c} is fast enough, measuring it the first time it is asked about. */
  public boolean admits(DenseConv layer, Candidate c) {
    return measured.computeIfAbsent(c, k -> meter.speedup(layer, k)) >= minSpeedup;
  }

  /** Every measured candidate's speed-up over its dense layer. */
  public Map<Candidate, Double> measured() {
    return Collections.unmodifiableMap(measured);
  }
}
