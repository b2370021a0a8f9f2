package dev.convcut.interop.onnx;

import dev.convcut.interop.onnx.OnnxConverter.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The operators that move or cut a computed value's axes, for {@link OnnxConverter}:
 * {@code Transpose} (batch axis kept first), {@code Slice} and {@code Split} with constant
 * bounds (never along the batch axis; Split becomes one slice per output) and {@code ReduceMean}
 * over axes other than the batch axis. Semantics as onnx/onnx docs/Operators.md (opsets 11–18).
 */
final class OnnxShapes {
  private OnnxShapes() {}

  static void transpose(OnnxConverter c, List<String> in, String out) {
    Value x = c.dyn(in.get(0), "data");
    int rank = x.shape().length;
    long[] reversed = new long[rank];
    Arrays.setAll(reversed, i -> rank - 1 - i);
    long[] perm = c.attrInts("perm", reversed);
    long[] sorted = perm.clone();
    Arrays.sort(sorted);
    long[] identity = new long[rank];
    Arrays.setAll(identity, i -> i);
    if (!Arrays.equals(sorted, identity)) {
      throw c.fail("perm " + Arrays.toString(perm) + " is no permutation of the " + rank + " axes");
    }
    if (perm[0] != 0) {
      throw c.fail("Transpose with perm " + Arrays.toString(perm) + " moves the batch axis; only perms keeping axis 0 first"
          + " are supported");
    }
    if (Arrays.equals(perm, identity)) {
      c.alias(out, x);
      return;
    }
    long[] shape = new long[rank];
    Arrays.setAll(shape, i -> x.shape()[(int) perm[i]]);
    c.add("transpose", null, List.of(x), out, shape, Map.of("perm", OnnxConvs.nums(perm)));
  }

  static void slice(OnnxConverter c, List<String> in, String out) {
    Value x = c.dyn(in.get(0), "data");
    long[] starts = ints(c, in, 1, "starts", null);
    long[] ends = ints(c, in, 2, "ends", null);
    long[] all = new long[starts.length];
    Arrays.setAll(all, i -> i);
    long[] axes = ints(c, in, 3, "axes", all);
    long[] ones = new long[starts.length];
    Arrays.fill(ones, 1);
    long[] steps = ints(c, in, 4, "steps", ones);
    if (ends.length != starts.length || axes.length != starts.length || steps.length != starts.length) {
      throw c.fail("starts, ends, axes and steps differ in length: " + starts.length + ", " + ends.length + ", "
          + axes.length + ", " + steps.length);
    }
    long[] s = x.shape().clone();
    for (int k = 0; k < axes.length; k++) {
      axes[k] = axis(c, axes[k], s.length, "Slice");
      if (steps[k] <= 0) {
        throw c.fail("Slice with step " + steps[k] + " is not supported (steps > 0 only)");
      }
      long dim = s[(int) axes[k]];
      starts[k] = clamp(starts[k], dim);
      ends[k] = clamp(ends[k], dim);
      long size = Math.max(0, (ends[k] - starts[k] + steps[k] - 1) / steps[k]);
      if (size == 0) {
        throw c.fail("Slice [" + starts[k] + ":" + ends[k] + "] of axis " + axes[k] + " is empty");
      }
      s[(int) axes[k]] = size;
    }
    c.add("slice", null, List.of(x), out, s, Map.of("axes", OnnxConvs.nums(axes), "starts", OnnxConvs.nums(starts),
        "ends", OnnxConvs.nums(ends), "steps", OnnxConvs.nums(steps)));
  }

  static void split(OnnxConverter c, List<String> in) {
    Value x = c.dyn(in.get(0), "input");
    int axis = axis(c, c.attrInt("axis", 0), x.shape().length, "Split");
    long dim = x.shape()[axis];
    List<String> outs = c.outputs();
    long[] sizes = in.size() > 1 && !in.get(1).isEmpty() ? toLongs(c.constOnly(in.get(1), "Split (split)").constant().values())
        : c.attrInts("split", null);
    if (sizes == null) {
      long chunk = (dim + outs.size() - 1) / outs.size();
      sizes = new long[outs.size()];
      for (int k = 0; k < sizes.length; k++) {
        sizes[k] = Math.min(chunk, dim - k * chunk);
      }
    }
    if (sizes.length != outs.size() || Arrays.stream(sizes).sum() != dim || Arrays.stream(sizes).anyMatch(v -> v <= 0)) {
      throw c.fail("split sizes " + Arrays.toString(sizes) + " do not cut axis " + axis + " of " + dim + " into "
          + outs.size() + " non-empty parts");
    }
    long start = 0;
    for (int k = 0; k < sizes.length; k++) {
      long[] shape = x.shape().clone();
      shape[axis] = sizes[k];
      c.add("slice", null, List.of(x), outs.get(k), shape, Map.of("axes", OnnxConvs.nums(axis), "starts",
          OnnxConvs.nums(start), "ends", OnnxConvs.nums(start + sizes[k]), "steps", OnnxConvs.nums(1)));
      start += sizes[k];
    }
  }

  static void reduceMean(OnnxConverter c, List<String> in, String out) {
    Value x = c.dyn(in.get(0), "data");
    long[] axes = in.size() > 1 && !in.get(1).isEmpty() ? toLongs(c.constOnly(in.get(1), "ReduceMean (axes)").constant()
        .values()) : c.attrInts("axes", new long[0]);
    if (axes.length == 0) {
      throw c.fail(c.attrInt("noop_with_empty_axes", 0) != 0 ? "ReduceMean without axes and noop_with_empty_axes is not"
          + " supported" : "ReduceMean over all axes averages over the batch; not supported");
    }
    int rank = x.shape().length;
    for (int k = 0; k < axes.length; k++) {
      axes[k] = axis(c, axes[k], rank, "ReduceMean");
    }
    boolean keep = c.attrInt("keepdims", 1) != 0;
    long[] shape = x.shape().clone();
    for (long a : axes) {
      shape[(int) a] = keep ? 1 : -1;
    }
    long[] result = keep ? shape : Arrays.stream(shape).filter(d -> d >= 0).toArray();
    c.add("reducemean", null, List.of(x), out, result, Map.of("axes", OnnxConvs.nums(Arrays.stream(axes).sorted()
        .distinct().toArray()), "keepdims", OnnxConvs.nums(keep ? 1 : 0)));
  }

  /** Axis {@code a} of a rank-{@code rank} value, made non-negative; the batch axis is refused. */
  private static int axis(OnnxConverter c, long a, int rank, String op) {
    long n = a < 0 ? a + rank : a;
    if (n < 0 || n >= rank) {
      throw c.fail(op + " axis " + a + " is out of range for rank " + rank);
    }
    if (n == 0) {
      throw c.fail(op + " along axis 0 (the batch axis) is not supported");
    }
    return (int) n;
  }

  /** ONNX's clamping of a slice bound to {@code [0, dim]} for a positive step. */
  private static long clamp(long bound, long dim) {
    long b = bound < 0 ? bound + dim : bound;
    return Math.max(0, Math.min(dim, b));
  }

  private static long[] ints(OnnxConverter c, List<String> in, int i, String role, long[] dflt) {
    if (in.size() <= i || in.get(i).isEmpty()) {
      if (dflt == null) {
        throw c.fail("Slice needs input " + role + " (the attribute form of opset < 10 is not imported)");
      }
      return dflt.clone();
    }
    return toLongs(c.constOnly(in.get(i), "Slice (" + role + ")").constant().values());
  }

  private static long[] toLongs(double[] v) {
    return Arrays.stream(v).mapToLong(d -> d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) d).toArray();
  }
}
