package dev.convcut.tensor;

import dev.convcut.tensor.linalg.Norms;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * An immutable kernel tensor: a convolution weight {@code W[o,i,h,w]} of shape {@code (O, I, H,
 * W)} or a fully connected weight {@code W[o,i]} of shape {@code (O, I)}, stored row-major as
 * PyTorch and DJL store them, held in double precision. Every value is finite.
 */
public final class Kernel {
  private final int[] shape;
  private final double[] data;

  private Kernel(double[] data, int[] shape) {
    this.shape = checkShape(shape);
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          "kernel data has " + data.length + " values but shape " + format(shape) + " needs " + size);
    }
    for (int k = 0; k < data.length; k++) {
      if (!Double.isFinite(data[k])) {
        throw new IllegalArgumentException("kernel " + format(shape) + " value at " + position(shape, k)
            + " is " + data[k] + "; every value must be finite");
      }
    }
    this.data = data;
  }

  /** A kernel holding {@code data} (row-major, copied) with {@code shape} (4 or 2 dimensions). */
  public static Kernel of(double[] data, int... shape) {
    return new Kernel(data.clone(), shape.clone());
  }

  /** A kernel holding {@code data} as the engine hands it over, widened to double. */
  public static Kernel of(float[] data, int... shape) {
    double[] d = new double[data.length];
    for (int k = 0; k < d.length; k++) {
      d[k] = data[k];
    }
    return new Kernel(d, shape.clone());
  }

  /** A kernel of zeros. */
  public static Kernel zeros(int... shape) {
    long size = 1;
    for (int d : checkShape(shape.clone())) {
      size *= d;
    }
    return new Kernel(new double[(int) size], shape.clone());
  }

  /** Takes {@code data} without copying; for this package's freshly built arrays. */
  static Kernel wrap(double[] data, int... shape) {
    return new Kernel(data, shape);
  }

  private static int[] checkShape(int[] shape) {
    if (shape.length != 4 && shape.length != 2) {
      throw new IllegalArgumentException("a kernel has 4 dimensions (O, I, H, W) or 2 (O, I), got "
          + shape.length + ": " + format(shape));
    }
    long size = 1;
    for (int d : shape) {
      if (d < 1) {
        throw new IllegalArgumentException("kernel shape " + format(shape) + " has a dimension below 1; every dimension must be ≥ 1");
      }
      size *= d;
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("kernel shape " + format(shape) + " has " + size + " values, more than a Java array holds");
    }
    return shape;
  }

  /** 4 for a convolution kernel, 2 for a fully connected one. */
  public int order() {
    return shape.length;
  }

  public int[] shape() {
    return shape.clone();
  }

  /** The extent of one index; a 2-index kernel has {@code H = W = 1}. */
  public int dim(Index index) {
    return index.ordinal() < shape.length ? shape[index.ordinal()] : 1;
  }

  /** The shape as four extents {@code (O, I, H, W)}, with H = W = 1 for a 2-index kernel. */
  int[] dims4() {
    return new int[] {dim(Index.O), dim(Index.I), dim(Index.H), dim(Index.W)};
  }

  /** The number of values. */
  public int size() {
    return data.length;
  }

  /** The value at {@code (o, i, h, w)} or {@code (o, i)}. */
  public double get(int... position) {
    if (position.length != shape.length) {
      throw new IllegalArgumentException("a " + shape.length + "-index kernel needs " + shape.length + " positions, got " + position.length);
    }
    int flat = 0;
    for (int x = 0; x < shape.length; x++) {
      if (position[x] < 0 || position[x] >= shape[x]) {
        throw new IndexOutOfBoundsException("position " + Arrays.toString(position) + " outside kernel " + format(shape));
      }
      flat = flat * shape[x] + position[x];
    }
    return data[flat];
  }

  /** A copy of the values, row-major. */
  public double[] toDoubleArray() {
    return data.clone();
  }

  /** The values rounded to float, row-major, as the engine takes them back. */
  public float[] toFloatArray() {
    float[] f = new float[data.length];
    for (int k = 0; k < f.length; k++) {
      f[k] = (float) data[k];
    }
    return f;
  }

  /** The backing array, for this package, which never writes to it. */
  double[] raw() {
    return data;
  }

  /** The same values under another shape with as many values. */
  public Kernel reshape(int... newShape) {
    return new Kernel(data, newShape.clone());
  }

  /** The Frobenius norm {@code ‖W‖}. */
  public double norm() {
    return Norms.frobenius(data);
  }

  /** {@code ‖this − other‖}; the shapes must match. */
  public double distance(Kernel other) {
    requireSameShape(other);
    return Norms.distance(data, other.data);
  }

  /** {@code ‖this − reference‖ / ‖reference‖}, 0 when both are zero. */
  public double relativeErrorTo(Kernel reference) {
    double norm = reference.norm();
    double d = distance(reference);
    return norm == 0 ? d : d / norm;
  }

  private void requireSameShape(Kernel other) {
    if (!Arrays.equals(shape, other.shape)) {
      throw new IllegalArgumentException("kernel shapes differ: " + format(shape) + " vs " + format(other.shape));
    }
  }

  /** The shape as messages print it, e.g. "(64, 3, 3, 3)". */
  public String shapeString() {
    return format(shape);
  }

  static String format(int[] shape) {
    StringJoiner j = new StringJoiner(", ", "(", ")");
    for (int d : shape) {
      j.add(Integer.toString(d));
    }
    return j.toString();
  }

  private static String position(int[] shape, int flat) {
    int[] p = new int[shape.length];
    for (int x = shape.length - 1; x >= 0; x--) {
      p[x] = flat % shape[x];
      flat /= shape[x];
    }
    return Arrays.toString(p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Kernel k && Arrays.equals(k.shape, shape) && Arrays.equals(k.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Kernel" + shapeString();
  }
}
