package dev.convcut.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.convcut.ConvcutException;
import dev.convcut.model.Network;
import dev.convcut.model.Param;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A network's arrays keyed by PyTorch {@code state_dict} names, and loading such a map into a
 * network in place: every missing, unexpected or mis-shaped name is reported in one error, and
 * NaN or infinite values are refused.
 */
public final class StateDict {
  /** PyTorch's BatchNorm counter: carries no information convcut uses, accepted and ignored. */
  static final String BATCHES_TRACKED = ".num_batches_tracked";

  private StateDict() {}

  /** The network's arrays (the live ones, not copies) in {@code state_dict} order. */
  public static Map<String, NDArray> of(Network net) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Param p : net.params()) {
      out.put(p.name(), p.array());
    }
    return out;
  }

  /**
   * Copies {@code arrays} into the network's parameters in place.
   *
   * @param source names the origin in error messages (a file)
   * @throws ConvcutException listing every name or shape mismatch, or the first non-finite array
   */
  public static void load(Network net, Map<String, NDArray> arrays, String source) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    arrays.forEach((name, a) -> shapes.put(name, a.getShape().getShape()));
    load(net, shapes, name -> floats(arrays.get(name)), source);
  }

  /**
   * As {@link #load(Network, Map, String)}, for arrays held elsewhere: {@code shapes} names
   * every array and its shape, and {@code values} gives one array's float32 values when it is
   * copied in, one at a time, so no second copy of all the weights is ever held.
   */
  public static void load(Network net, Map<String, long[]> shapes, Function<String, float[]> values, String source) {
    load(net, shapes, (name, dst) -> {
      float[] v = values.apply(name);
      if (v.length * Float.BYTES != dst.capacity()) {
        throw new ConvcutException(source + ": " + name + " holds " + v.length + " values for its shape "
            + Arrays.toString(shapes.get(name)));
      }
      dst.asFloatBuffer().put(v);
    }, source);
  }

  /** Writes one parameter's float32 values into memory the parameter then holds. */
  @FunctionalInterface
  public interface Filler {
    /**
     * Writes the values of parameter {@code name} into {@code dst} from its position 0: a direct
     * buffer in the platform's byte order with room for exactly its float32 values.
     */
    void fill(String name, ByteBuffer dst);
  }

  /**
   * As {@link #load(Network, Map, Function, String)}, with {@code values} writing each array's
   * values straight into the native memory the parameter keeps (a reader of a file can read into
   * it directly): the network's weights are the only copy made.
   */
  public static void load(Network net, Map<String, long[]> shapes, Filler values, String source) {
    List<String> problems = new ArrayList<>();
    for (Param p : net.params()) {
      long[] shape = shapes.get(p.name());
      if (shape == null) {
        problems.add("missing " + p.name() + " " + Arrays.toString(p.shape()));
      } else if (!Arrays.equals(shape, p.shape())) {
        problems.add("shape of " + p.name() + " is " + Arrays.toString(shape) + ", expected " + Arrays.toString(p.shape()));
      }
    }
    for (String name : shapes.keySet()) {
      if (net.param(name) == null && !name.endsWith(BATCHES_TRACKED)) {
        problems.add("unexpected " + name + " " + Arrays.toString(shapes.get(name)));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConvcutException(source + ": " + problems.size() + " name or shape mismatch"
          + (problems.size() == 1 ? "" : "es") + " with " + net.spec().model() + ":\n  " + String.join("\n  ", problems));
    }
    for (Param p : net.params()) {
      long n = 1;
      for (long d : p.shape()) {
        n *= d;
      }
      ByteBuffer b = ByteBuffer.allocateDirect(Math.toIntExact(n * Float.BYTES)).order(ByteOrder.nativeOrder());
      values.fill(p.name(), b);
      b.clear();
      FloatBuffer v = b.asFloatBuffer();
      for (int i = 0; i < v.limit(); i++) {
        if (!Float.isFinite(v.get(i))) {
          throw new ConvcutException(source + ": " + p.name() + " holds " + v.get(i) + " at flat index " + i
              + "; weights must be finite");
        }
      }
      // A direct buffer becomes the array's storage (DJL's set keeps it; PyTorch's set_ adopts it): no copy.
      p.array().set(b);
    }
  }

  private static float[] floats(NDArray a) {
    if (a.getDataType() == DataType.FLOAT32) {
      return a.toFloatArray();
    }
    try (NDArray converted = a.toType(DataType.FLOAT32, true)) {
      return converted.toFloatArray();
    }
  }
}
