package dev.convcut.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.convcut.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Creates parameter arrays with PyTorch's initializations, drawing from a generator seeded by the
 * root seed and the parameter's name, so a parameter's initial values do not depend on the order
 * in which a network is built.
 */
public final class Init {
  private final NDManager manager;
  private final Seeds seeds;

  public Init(NDManager manager, long seed) {
    this(manager, new Seeds(seed));
  }

  private Init(NDManager manager, Seeds seeds) {
    this.manager = manager;
    this.seeds = seeds;
  }

  /**
   * Arrays allocated but not initialized (their values undefined, nothing drawn or written), for
   * a network whose every parameter is loaded right after it is built ({@code StateDict.load}).
   */
  public static Init uninitialized(NDManager manager) {
    return new Init(manager, null);
  }

  public NDManager manager() {
    return manager;
  }

  /** Uniform on {@code [-bound, bound]}: PyTorch's default for conv and linear weights and biases with {@code bound = 1/sqrt(fanIn)}. */
  public NDArray uniform(String name, long[] shape, double bound) {
    if (seeds == null) {
      return empty(shape);
    }
    SplittableRandom rnd = random(name);
    float[] v = new float[size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
    return manager.create(v, new Shape(shape));
  }

  /** Normal with mean 0: torchvision's {@code kaiming_normal_(mode='fan_out')} uses {@code std = sqrt(2/fanOut)}. */
  public NDArray normal(String name, long[] shape, double std) {
    if (seeds == null) {
      return empty(shape);
    }
    SplittableRandom rnd = random(name);
    float[] v = new float[size(shape)];
    for (int i = 0; i < v.length; i += 2) {
      // Box–Muller: two independent normals per pair of uniforms.
      double u1 = 1.0 - rnd.nextDouble();
      double u2 = rnd.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1)) * std;
      v[i] = (float) (r * Math.cos(2 * Math.PI * u2));
      if (i + 1 < v.length) {
        v[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
      }
    }
    return manager.create(v, new Shape(shape));
  }

  public NDArray constant(long[] shape, float value) {
    if (seeds == null) {
      return empty(shape);
    }
    float[] v = new float[size(shape)];
    Arrays.fill(v, value);
    return manager.create(v, new Shape(shape));
  }

  private NDArray empty(long[] shape) {
    return manager.create(new Shape(shape), DataType.FLOAT32);
  }

  private SplittableRandom random(String name) {
    return new SplittableRandom(seeds.forPurpose("init/" + name));
  }

  private static int size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return Math.toIntExact(n);
  }
}
