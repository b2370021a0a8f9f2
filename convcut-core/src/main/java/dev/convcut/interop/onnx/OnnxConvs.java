package dev.convcut.interop.onnx;

import dev.convcut.interop.onnx.OnnxTensors.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The windowed ONNX operators — {@code Conv}, {@code MaxPool}, {@code AveragePool} — with
 * explicit or automatic ({@code auto_pad}) padding; unequal padding before and after becomes a
 * separate zero {@code pad} node before a convolution.
 */
final class OnnxConvs {
  private OnnxConvs() {}

  static void conv(OnnxConverter c, List<String> in, String out) {
    var x = c.dyn(in.get(0), "X");
    Tensor w = c.weight(in.get(1), "W");
    long[] s = x.shape();
    long[] k = w.dims();
    if (s.length != 4 || k.length != 4) {
      throw c.fail("only 2-D convolutions are supported; input " + Arrays.toString(s) + ", weight " + Arrays.toString(k));
    }
    int groups = c.attrInt("group", 1);
    int inCh = (int) s[1];
    int outCh = (int) k[0];
    if (k[1] * groups != inCh) {
      throw c.fail("weight " + Arrays.toString(k) + " with group " + groups + " does not take " + inCh + " channels");
    }
    int[] kernel = {(int) k[2], (int) k[3]};
    int[] stride = ints(c.attrInts("strides", new long[] {1, 1}));
    int[] dil = ints(c.attrInts("dilations", new long[] {1, 1}));
    int[] pads = pads(c, s, kernel, stride, dil);
    String name = c.layerName(c.initializerName(in.get(1)));
    boolean bias = in.size() > 2 && !in.get(2).isEmpty();
    c.param(name + ".weight", w);
    if (bias) {
      Tensor b = c.weight(in.get(2), "B");
      if (b.size() != outCh) {
        throw c.fail("bias has " + b.size() + " values for " + outCh + " output channels");
      }
      c.param(name + ".bias", b.reshape(new long[] {outCh}));
    }
    long h = s[2];
    long wd = s[3];
    if (pads[0] != pads[2] || pads[1] != pads[3]) {
      h += pads[0] + pads[2];
      wd += pads[1] + pads[3];
      x = c.addInternal("pad", name, x, new long[] {s[0], s[1], h, wd}, Map.of("pads", nums(pads[1], pads[3], pads[0],
          pads[2])));
      pads = new int[4];
    }
    long oh = out(h, kernel[0], stride[0], pads[0], dil[0], false);
    long ow = out(wd, kernel[1], stride[1], pads[1], dil[1], false);
    if (oh < 1 || ow < 1) {
      throw c.fail("a " + kernel[0] + "x" + kernel[1] + " kernel does not fit the " + h + "x" + wd + " input");
    }
    c.add("conv", name, List.of(x), out, new long[] {s[0], outCh, oh, ow}, Map.of("in", nums(inCh), "out", nums(outCh),
        "kernel", list(kernel), "stride", list(stride), "pads", nums(pads[0], pads[1]), "dilation", list(dil),
        "groups", nums(groups), "bias", nums(bias ? 1 : 0), "input", nums(h, wd)));
  }

  static void pool(OnnxConverter c, List<String> in, String out) {
    boolean max = c.opType().equals("MaxPool");
    var x = c.dyn(in.get(0), "X");
    long[] s = x.shape();
    int[] kernel = ints(c.attrInts("kernel_shape", null));
    if (s.length != 4 || kernel.length != 2) {
      throw c.fail("only 2-D pooling is supported");
    }
    int[] stride = ints(c.attrInts("strides", new long[] {1, 1}));
    int[] dil = ints(c.attrInts("dilations", new long[] {1, 1}));
    if (dil[0] != 1 || dil[1] != 1) {
      throw c.fail("dilated pooling is not supported");
    }
    int[] pads = pads(c, s, kernel, stride, dil);
    if (pads[0] != pads[2] || pads[1] != pads[3] || 2 * pads[0] > kernel[0] || 2 * pads[1] > kernel[1]) {
      throw c.fail("pooling pads " + Arrays.toString(pads) + " are not supported (equal on both sides, at most half the window)");
    }
    boolean ceil = c.attrInt("ceil_mode", 0) != 0;
    long oh = out(s[2], kernel[0], stride[0], pads[0], 1, ceil);
    long ow = out(s[3], kernel[1], stride[1], pads[1], 1, ceil);
    Map<String, List<Number>> attrs = new java.util.HashMap<>(Map.of("kernel", list(kernel), "stride", list(stride),
        "pads", nums(pads[0], pads[1]), "ceil", nums(ceil ? 1 : 0)));
    if (!max) {
      attrs.put("countIncludePad", nums(c.attrInt("count_include_pad", 0)));
    }
    c.add(max ? "maxpool" : "avgpool", null, List.of(x), out, new long[] {s[0], s[1], oh, ow}, attrs);
  }

  /** {@code [top, left, bottom, right]} from {@code pads} or {@code auto_pad}. */
  private static int[] pads(OnnxConverter c, long[] s, int[] k, int[] stride, int[] dil) {
    String auto = c.attrString("auto_pad", "NOTSET");
    if (auto.equals("NOTSET")) {
      int[] p = ints(c.attrInts("pads", new long[] {0, 0, 0, 0}));
      return new int[] {p[0], p[1], p[2], p[3]};
    }
    if (auto.equals("VALID")) {
      return new int[4];
    }
    int[] p = new int[4];
    for (int a = 0; a < 2; a++) {
      long in = s[2 + a];
      long o = (in + stride[a] - 1) / stride[a];
      int total = (int) Math.max(0, (o - 1) * stride[a] + (long) (k[a] - 1) * dil[a] + 1 - in);
      int small = total / 2;
      boolean upper = auto.equals("SAME_UPPER");
      if (!upper && !auto.equals("SAME_LOWER")) {
        throw c.fail("auto_pad " + auto + " is not an ONNX value");
      }
      p[a] = upper ? small : total - small;
      p[a + 2] = total - p[a];
    }
    return p;
  }

  /** Output size, PyTorch's rule: with {@code ceil}, a last window may not start in the padding. */
  static long out(long in, int k, int s, int p, int d, boolean ceil) {
    long span = in + 2L * p - (long) d * (k - 1) - 1;
    long o = (ceil ? Math.floorDiv(span + s - 1, s) : Math.floorDiv(span, s)) + 1;
    if (ceil && (o - 1) * s >= in + p) {
      o--;
    }
    return o;
  }

  private static int[] ints(long[] v) {
    return Arrays.stream(v).mapToInt(l -> (int) l).toArray();
  }

  private static List<Number> list(int[] v) {
    return Arrays.stream(v).mapToObj(i -> (Number) i).toList();
  }

  static List<Number> nums(long... v) {
    return Arrays.stream(v).mapToObj(i -> (Number) i).toList();
  }
}
