package dev.convcut.interop.onnx;

import dev.convcut.interop.onnx.OnnxConverter.Value;
import dev.convcut.interop.onnx.OnnxTensors.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * {@code Add}, {@code Sub}, {@code Mul} and {@code Div} for {@link OnnxConverter}: folded when
 * both operands are constants (shape arithmetic; integer division truncates), an {@code add}/
 * {@code mul} node of two computed values, or an {@code addconst}/… node when one operand is a
 * constant that broadcasts onto the other without growing it (a MatMul's bias stays the linear
 * layer's).
 */
final class OnnxArithmetic {
  /** The largest constant operand kept in a graph node's attributes. */
  static final int MAX_CONSTANT = 1 << 16;

  private OnnxArithmetic() {}

  static void binary(OnnxConverter c, List<String> in, String out) {
    String op = c.opType();
    Value a = c.get(in.get(0));
    Value b = c.get(in.get(1));
    if (!a.dynamic() && !b.dynamic()) {
      fold(c, a.constant(), b.constant(), out);
    } else if (a.dynamic() && b.dynamic()) {
      if (!op.equals("Add") && !op.equals("Mul")) {
        throw c.fail(op + " of two values computed at run time is not supported (one operand must be a constant)");
      }
      c.add(op.toLowerCase(java.util.Locale.ROOT), null, List.of(a, b), out, broadcast(c, a.shape(), b.shape()), Map.of());
    } else if (op.equals("Add") && OnnxLayers.isMatMulBias(c, a.dynamic() ? a : b, (a.dynamic() ? b : a).constant())) {
      OnnxLayers.biasAdd(c, a.dynamic() ? a : b, (a.dynamic() ? b : a).constant(), out);
    } else {
      withConstant(c, a.dynamic() ? a : b, (a.dynamic() ? b : a).constant(), !a.dynamic(), out);
    }
  }

  private static void withConstant(OnnxConverter c, Value x, Tensor k, boolean first, String out) {
    long[] s = x.shape();
    long[] d = k.dims();
    if (d.length > s.length) {
      throw c.fail("the constant of shape " + Arrays.toString(d) + " has more axes than the input " + Arrays.toString(s));
    }
    long[] padded = new long[s.length];
    Arrays.fill(padded, 1);
    System.arraycopy(d, 0, padded, s.length - d.length, d.length);
    for (int i = 0; i < s.length; i++) {
      if (padded[i] != 1 && (i == 0 || padded[i] != s[i])) {
        throw c.fail("the constant of shape " + Arrays.toString(d) + " does not broadcast onto the input "
            + Arrays.toString(s) + " without growing it" + (i == 0 ? " (it spans the batch axis)" : ""));
      }
    }
    if (k.size() > MAX_CONSTANT) {
      throw c.fail("a constant operand of " + k.size() + " values is too large (at most " + MAX_CONSTANT + ")");
    }
    List<Number> values = new ArrayList<>();
    Arrays.stream(k.values()).forEach(values::add);
    c.add(c.opType().toLowerCase(java.util.Locale.ROOT) + "const", null, List.of(x), out, s, Map.of("shape",
        OnnxConvs.nums(padded), "value", values, "first", OnnxConvs.nums(first ? 1 : 0)));
  }

  /** Folds two constants; one is a single value or both have as many values. */
  private static void fold(OnnxConverter c, Tensor a, Tensor b, String out) {
    double[] x = a.values();
    double[] y = b.values();
    if (x.length != y.length && x.length != 1 && y.length != 1) {
      throw c.fail(c.opType() + " of constants of shapes " + Arrays.toString(a.dims()) + " and " + Arrays.toString(b.dims())
          + " is not supported");
    }
    boolean integer = a.integer() && b.integer();
    DoubleBinaryOperator f = switch (c.opType()) {
      case "Add" -> Double::sum;
      case "Sub" -> (p, q) -> p - q;
      case "Mul" -> (p, q) -> p * q;
      default -> integer ? (p, q) -> (double) ((long) p / (long) q) : (p, q) -> p / q;
    };
    if (c.opType().equals("Div") && integer && Arrays.stream(y).anyMatch(q -> q == 0)) {
      throw c.fail("integer division by zero");
    }
    double[] s = new double[Math.max(x.length, y.length)];
    Arrays.setAll(s, i -> f.applyAsDouble(x[x.length == 1 ? 0 : i], y[y.length == 1 ? 0 : i]));
    long[] dims = x.length > y.length || (x.length == y.length && a.dims().length >= b.dims().length) ? a.dims() : b.dims();
    c.constant(out, new Tensor(dims, s, integer));
  }

  /** numpy's broadcast of two shapes whose batch axes line up. */
  static long[] broadcast(OnnxConverter c, long[] a, long[] b) {
    if (a.length != b.length) {
      throw c.fail("broadcasting shapes of different ranks " + Arrays.toString(a) + " and " + Arrays.toString(b)
          + " is not supported");
    }
    long[] s = new long[a.length];
    for (int i = 0; i < s.length; i++) {
      if (a[i] != b[i] && a[i] != 1 && b[i] != 1) {
        throw c.fail("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
      }
      s[i] = Math.max(a[i], b[i]);
    }
    return s;
  }
}
