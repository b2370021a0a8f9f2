package dev.convcut.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.convcut.ConvcutException;
import dev.convcut.model.Network;
import dev.convcut.model.Param;
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
      float[] v = values.apply(p.name());
      for (int i = 0; i < v.length; i++) {
        if (!Float.isFinite(v[i])) {
          throw new ConvcutException(source + ": " + p.name() + " holds " + v[i] + " at flat index " + i
              + "; weights must be finite");
        }
      }
      p.array().set(v);
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
