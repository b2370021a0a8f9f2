package dev.convcut.interop.onnx;

import ai.onnx.proto.OnnxMl;
import dev.convcut.interop.onnx.OnnxTensors.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Constant folding for {@link OnnxConverter}: {@code Constant} values and the shape arithmetic
 * ({@code Shape}, {@code Gather}, {@code Unsqueeze}, {@code Squeeze}) that PyTorch's exporter
 * writes for {@code x.view(x.size(0), -1)}, evaluated on the static shapes (batch 1).
 */
final class OnnxConstants {
  private OnnxConstants() {}

  static Tensor value(OnnxConverter c) {
    for (OnnxMl.AttributeProto a : c.attributes()) {
      switch (a.getName()) {
        case "value" -> {
          return OnnxTensors.read(a.getT(), c.file());
        }
        case "value_float" -> {
          return new Tensor(new long[0], new double[] {a.getF()}, false);
        }
        case "value_floats" -> {
          return new Tensor(new long[] {a.getFloatsCount()}, a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray(), false);
        }
        case "value_int" -> {
          return new Tensor(new long[0], new double[] {a.getI()}, true);
        }
        case "value_ints" -> {
          return new Tensor(new long[] {a.getIntsCount()}, a.getIntsList().stream().mapToDouble(Long::doubleValue).toArray(), true);
        }
        default -> { }
      }
    }
    throw c.fail("a Constant without a value convcut reads (value, value_float(s), value_int(s))");
  }

  static void shapeOf(OnnxConverter c, String out, long[] shape) {
    int r = shape.length;
    int start = norm(c.attrInt("start", 0), r);
    int end = norm(c.attrInt("end", r), r);
    double[] v = new double[Math.max(0, end - start)];
    for (int i = start; i < end; i++) {
      v[i - start] = shape[i];
    }
    c.constant(out, new Tensor(new long[] {v.length}, v, true));
  }

  private static int norm(int axis, int rank) {
    return Math.max(0, Math.min(rank, axis < 0 ? axis + rank : axis));
  }

  static void gather(OnnxConverter c, String out, List<String> in) {
    Tensor data = c.constOnly(in.get(0), "Gather").constant();
    Tensor idx = c.constOnly(in.get(1), "Gather").constant();
    if (data.dims().length != 1 || c.attrInt("axis", 0) != 0) {
      throw c.fail("Gather is supported on one-dimensional constants only, got shape " + Arrays.toString(data.dims()));
    }
    double[] v = new double[idx.values().length];
    for (int i = 0; i < v.length; i++) {
      int k = (int) idx.values()[i];
      v[i] = data.values()[k < 0 ? k + data.values().length : k];
    }
    c.constant(out, new Tensor(idx.dims(), v, data.integer()));
  }

  static void reshapeConstant(OnnxConverter c, String out, List<String> in) {
    Tensor t = c.constOnly(in.get(0), c.opType()).constant();
    long[] shape = Arrays.stream(t.dims()).filter(d -> d != 1 || c.opType().equals("Unsqueeze")).toArray();
    if (c.opType().equals("Unsqueeze")) {
      long[] axes = in.size() > 1 ? Arrays.stream(c.constOnly(in.get(1), "Unsqueeze").constant().values()).mapToLong(d -> (long) d)
          .toArray() : c.attrInts("axes", new long[0]);
      List<Long> s = new ArrayList<>();
      Arrays.stream(t.dims()).forEach(s::add);
      int rank = s.size() + axes.length;
      long[] sorted = Arrays.stream(axes).map(a -> a < 0 ? a + rank : a).sorted().toArray();
      for (long a : sorted) {
        s.add((int) a, 1L);
      }
      shape = s.stream().mapToLong(Long::longValue).toArray();
    }
    c.constant(out, t.reshape(shape));
  }
}
