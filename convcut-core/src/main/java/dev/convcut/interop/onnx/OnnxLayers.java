package dev.convcut.interop.onnx;

import dev.convcut.interop.onnx.OnnxConverter.Value;
import dev.convcut.interop.onnx.OnnxTensors.Tensor;
import dev.convcut.model.graph.GraphNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The weighted and reshaping ONNX operators for {@link OnnxConverter}: {@code BatchNormalization},
 * {@code Gemm}/{@code MatMul} (with an {@code Add} of a constant as the bias) as linear layers,
 * {@code Flatten} and {@code Reshape} keeping the batch axis.
 */
final class OnnxLayers {
  private OnnxLayers() {}

  static void batchNorm(OnnxConverter c, List<String> in, String out) {
    Value x = c.dyn(in.get(0), "X");
    String name = c.layerName(c.initializerName(in.get(1)));
    String[] params = {"weight", "bias", "running_mean", "running_var"};
    int channels = (int) x.shape()[1];
    for (int i = 0; i < 4; i++) {
      Tensor t = c.weight(in.get(i + 1), params[i]);
      if (t.size() != channels) {
        throw c.fail(params[i] + " has " + t.size() + " values for " + channels + " channels");
      }
      c.param(name + "." + params[i], t.reshape(new long[] {channels}));
    }
    c.add("batchnorm", name, List.of(x), out, x.shape(), Map.of("channels", OnnxConvs.nums(channels), "eps",
        List.<Number>of(c.attrFloat("epsilon", 1e-5))));
  }

  /** {@code MatMul} then {@code Add} of a constant: the constant becomes the linear layer's bias. */
  static void biasAdd(OnnxConverter c, Value x, Tensor bias, String out) {
    if (!isMatMulBias(c, x, bias)) {
      throw c.fail("the constant is not the bias of the MatMul before it");
    }
    GraphNode last = c.nodes().get(c.nodes().size() - 1);
    c.param(last.name() + ".bias", bias.reshape(new long[] {bias.size()}));
    c.matmulLinears().remove(last.name());
    c.alias(out, x);
  }

  /** Whether adding {@code bias} to {@code x} adds the bias of the MatMul by a constant that computed {@code x}. */
  static boolean isMatMulBias(OnnxConverter c, Value x, Tensor bias) {
    GraphNode last = c.nodes().isEmpty() ? null : c.nodes().get(c.nodes().size() - 1);
    return last != null && c.matmulLinears().contains(last.name()) && last.output().equals(x.ref())
        && c.readers(x.ref()) == 1 && bias.size() == last.integer("out");
  }

  static void flatten(OnnxConverter c, List<String> in, String out) {
    Value x = c.dyn(in.get(0), "input");
    int axis = c.attrInt("axis", 1);
    if (axis != 1 && axis + x.shape().length != 1) {
      throw c.fail("Flatten with axis " + axis + " is not supported (axis 1 only: the batch axis stays)");
    }
    c.add("flatten", null, List.of(x), out, new long[] {x.shape()[0], perSample(x.shape())}, Map.of());
  }

  static long perSample(long[] shape) {
    long n = 1;
    for (int i = 1; i < shape.length; i++) {
      n *= shape[i];
    }
    return n;
  }

  static void linear(OnnxConverter c, List<String> in, String out) {
    Value x = c.dyn(in.get(0), "A");
    boolean gemm = c.opType().equals("Gemm");
    if (x.shape().length != 2) {
      throw c.fail("input A has shape " + Arrays.toString(x.shape()) + "; only (N, features) is supported");
    }
    if (gemm && c.attrInt("transA", 0) != 0) {
      throw c.fail("transA=1 is not supported (A is (N, features))");
    }
    Tensor b = c.weight(in.get(1), "B");
    if (b.dims().length != 2) {
      throw c.fail("B has shape " + Arrays.toString(b.dims()) + "; a 2-D weight is needed");
    }
    boolean transB = gemm && c.attrInt("transB", 0) != 0;
    int features = (int) x.shape()[1];
    int classes = (int) (transB ? b.dims()[0] : b.dims()[1]);
    if ((transB ? b.dims()[1] : b.dims()[0]) != features) {
      throw c.fail("B of shape " + Arrays.toString(b.dims()) + " does not take " + features + " features");
    }
    double alpha = gemm ? c.attrFloat("alpha", 1) : 1;
    double beta = gemm ? c.attrFloat("beta", 1) : 1;
    Tensor w;
    if (transB && alpha == 1) {
      w = b; // already (classes, features): kept as the file holds it
    } else {
      double[] bv = b.values();
      float[] wv = new float[classes * features];
      for (int o = 0; o < classes; o++) {
        for (int i = 0; i < features; i++) {
          wv[o * features + i] = (float) (alpha * (transB ? bv[o * features + i] : bv[i * classes + o]));
        }
      }
      w = new Tensor(new long[] {classes, features}, wv);
    }
    double[] bias = new double[classes];
    if (gemm && in.size() > 2 && !in.get(2).isEmpty()) {
      double[] cv = c.weight(in.get(2), "C").values();
      if (cv.length != 1 && cv.length != classes) {
        throw c.fail("C has " + cv.length + " values; 1 or " + classes + " are supported");
      }
      Arrays.setAll(bias, o -> beta * cv[cv.length == 1 ? 0 : o]);
    }
    String name = c.layerName(transB && alpha == 1 ? c.initializerName(in.get(1)) : null);
    c.param(name + ".weight", w);
    c.param(name + ".bias", new Tensor(new long[] {classes}, bias, false));
    c.add("linear", name, List.of(x), out, new long[] {x.shape()[0], classes}, Map.of("in", OnnxConvs.nums(features), "out",
        OnnxConvs.nums(classes)));
    if (!gemm) {
      c.matmulLinears().add(name);
    }
  }

  static void reshape(OnnxConverter c, List<String> in, String out) {
    Value x = c.get(in.get(0));
    double[] target = c.constOnly(in.get(1), "Reshape (shape)").constant().values();
    if (!x.dynamic()) {
      try {
        c.constant(out, x.constant().reshape(Arrays.stream(target).mapToLong(d -> (long) d).toArray()));
      } catch (IllegalArgumentException e) {
        throw c.fail("Reshape of a constant: " + e.getMessage());
      }
      return;
    }
    long[] s = x.shape();
    long total = perSample(s);
    long[] t = new long[target.length];
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < t.length; i++) {
      t[i] = target[i] == 0 && i < s.length ? s[i] : (long) target[i];
      if (i > 0 && t[i] == -1) {
        unknown = i;
      } else if (i > 0) {
        known *= t[i];
      }
    }
    if (t.length == 0 || (t[0] != 1 && t[0] != -1) || (t[0] == -1 && unknown > 0)) {
      throw c.fail("Reshape to " + Arrays.toString(target) + " does not keep the batch axis first");
    }
    if (unknown > 0) {
      t[unknown] = known == 0 ? 0 : total / known;
    }
    long[] rest = Arrays.copyOfRange(t, 1, t.length);
    if (Arrays.stream(rest).reduce(1, (p, q) -> p * q) != total) {
      throw c.fail("Reshape to " + Arrays.toString(target) + " does not fit " + total + " values per image of shape "
          + Arrays.toString(s));
    }
    long[] shape = new long[t.length];
    shape[0] = s[0];
    System.arraycopy(rest, 0, shape, 1, rest.length);
    c.add("reshape", null, List.of(x), out, shape, Map.of("shape", Arrays.stream(rest).mapToObj(d -> (Number) d).toList()));
  }
}
