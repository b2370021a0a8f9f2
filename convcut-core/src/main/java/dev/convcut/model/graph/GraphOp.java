package dev.convcut.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import dev.convcut.model.ConvSpec;
import dev.convcut.model.Dropout;
import dev.convcut.model.LayerFactory;
import dev.convcut.model.Module;
import dev.convcut.model.Ops;
import dev.convcut.model.Relu;
import java.util.Arrays;
import java.util.List;

/**
 * The operators an imported graph is made of, each building its convcut module from a node's
 * attributes. Sizes are {@code [rows, columns]}: {@code conv} takes {@code in, out, kernel,
 * stride, pads, dilation, groups, bias (0/1), input}; {@code linear} {@code in, out};
 * {@code batchnorm} {@code channels, eps}; {@code maxpool}/{@code avgpool} {@code kernel, stride,
 * pads, ceil (0/1)} and {@code countIncludePad}; {@code pad} {@code pads} as {@code [left,
 * right, top, bottom]} zeros; {@code reshape} {@code shape} per sample (batch kept);
 * {@code concat} {@code axis}; {@code leakyrelu} {@code alpha}; {@code clip} {@code min},
 * {@code max} (each optional); {@code hardsigmoid} {@code alpha, beta}. {@code add} and
 * {@code mul} broadcast as numpy. {@code transpose} {@code perm} (all axes, batch first and kept);
 * {@code slice} {@code axes, starts, ends, steps} (in range, steps > 0, never the batch axis);
 * {@code reducemean} {@code axes} (never the batch axis) and {@code keepdims} (0/1);
 * {@code addconst}/{@code subconst}/{@code mulconst}/{@code divconst} a constant operand
 * {@code shape, value, first} (see {@link ConstantOperand}).
 */
public enum GraphOp {
  CONV("conv", 1, true) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      int[] k = n.ints("kernel");
      int[] s = n.ints("stride");
      int[] p = n.ints("pads");
      int[] d = n.ints("dilation");
      int[] in = n.ints("input");
      ConvSpec spec = new ConvSpec(n.integer("in"), n.integer("out"), k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1],
          n.integer("groups"), n.integer("bias") != 0);
      return f.conv(n.name(), spec, in[0], in[1]);
    }
  },
  LINEAR("linear", 1, true) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return f.linear(n.name(), n.integer("in"), n.integer("out"));
    }
  },
  BATCHNORM("batchnorm", 1, true) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return f.batchNorm(n.name(), n.integer("channels"), n.real("eps"));
    }
  },
  RELU("relu", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return new Relu();
    }
  },
  ADD("add", 2, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return null;
    }

    @Override
    NDArray apply(GraphNode n, Module m, List<NDArray> in, boolean training) {
      return in.get(0).add(in.get(1));
    }
  },
  MUL("mul", 2, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return null;
    }

    @Override
    NDArray apply(GraphNode n, Module m, List<NDArray> in, boolean training) {
      return in.get(0).mul(in.get(1));
    }
  },
  CONCAT("concat", GraphOp.VARIADIC, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return null;
    }

    @Override
    NDArray apply(GraphNode n, Module m, List<NDArray> in, boolean training) {
      return NDArrays.concat(new NDList(in), n.integer("axis"));
    }
  },
  LEAKYRELU("leakyrelu", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      double alpha = n.real("alpha");
      return (x, training) -> Activation.leakyRelu(x, (float) alpha);
    }
  },
  CLIP("clip", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      double min = n.attrs().containsKey("min") ? n.real("min") : -Float.MAX_VALUE;
      double max = n.attrs().containsKey("max") ? n.real("max") : Float.MAX_VALUE;
      return (x, training) -> x.clip(min, max);
    }
  },
  SIGMOID("sigmoid", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return (x, training) -> Activation.sigmoid(x);
    }
  },
  HARDSIGMOID("hardsigmoid", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      double alpha = n.real("alpha");
      double beta = n.real("beta");
      return (x, training) -> x.mul(alpha).add(beta).clip(0, 1);
    }
  },
  HARDSWISH("hardswish", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return (x, training) -> x.mul(x.div(6).add(0.5).clip(0, 1));
    }
  },
  MAXPOOL("maxpool", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      int[] k = n.ints("kernel");
      int[] s = n.ints("stride");
      int[] p = n.ints("pads");
      boolean ceil = n.integer("ceil") != 0;
      return (x, training) -> Ops.maxPool(x, k, s, p, ceil);
    }
  },
  AVGPOOL("avgpool", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      int[] k = n.ints("kernel");
      int[] s = n.ints("stride");
      int[] p = n.ints("pads");
      boolean ceil = n.integer("ceil") != 0;
      boolean include = n.integer("countIncludePad") != 0;
      return (x, training) -> Ops.avgPool(x, k, s, p, ceil, include);
    }
  },
  GLOBALAVGPOOL("globalavgpool", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return (x, training) -> Ops.globalAvgPool(x);
    }
  },
  FLATTEN("flatten", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return (x, training) -> Ops.flatten(x);
    }
  },
  RESHAPE("reshape", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      long[] shape = Arrays.stream(n.ints("shape")).mapToLong(i -> i).toArray();
      return (x, training) -> Ops.reshapeBatch(x, shape);
    }
  },
  PAD("pad", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      long[] pads = Arrays.stream(n.ints("pads")).mapToLong(i -> i).toArray();
      return (x, training) -> Ops.pad(x, pads, 0);
    }
  },
  DROPOUT("dropout", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return new Dropout(n.real("p"));
    }
  },
  TRANSPOSE("transpose", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      int[] perm = n.ints("perm");
      return (x, training) -> x.transpose(perm);
    }
  },
  SLICE("slice", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      int[] axes = n.ints("axes");
      int[] starts = n.ints("starts");
      int[] ends = n.ints("ends");
      int[] steps = n.ints("steps");
      return (x, training) -> {
        NDIndex index = new NDIndex();
        for (int a = 0; a < x.getShape().dimension(); a++) {
          int k = indexOf(axes, a);
          if (k < 0) {
            index.addAllDim();
          } else {
            index.addSliceDim(starts[k], ends[k], steps[k]);
          }
        }
        return x.get(index);
      };
    }
  },
  REDUCEMEAN("reducemean", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      int[] axes = n.ints("axes");
      boolean keep = n.integer("keepdims") != 0;
      return (x, training) -> {
        NDArray y = x;
        for (int k = axes.length - 1; k >= 0; k--) { // one axis at a time (DJL's PyTorch engine), last first
          y = y.mean(new int[] {axes[k]}, keep);
        }
        return y;
      };
    }
  },
  ADDCONST("addconst", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return (x, training) -> ConstantOperand.apply(n, x, NDArray::add);
    }
  },
  SUBCONST("subconst", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return (x, training) -> ConstantOperand.apply(n, x, NDArray::sub);
    }
  },
  MULCONST("mulconst", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return (x, training) -> ConstantOperand.apply(n, x, NDArray::mul);
    }
  },
  DIVCONST("divconst", 1, false) {
    @Override
    Module module(GraphNode n, LayerFactory f) {
      return (x, training) -> ConstantOperand.apply(n, x, NDArray::div);
    }
  };

  private static int indexOf(int[] axes, int axis) {
    for (int k = 0; k < axes.length; k++) {
      if (axes[k] == axis) {
        return k;
      }
    }
    return -1;
  }

  /** The arity of an operator that reads two or more values. */
  public static final int VARIADIC = -1;

  private final String id;
  private final int arity;
  private final boolean weighted;

  GraphOp(String id, int arity, boolean weighted) {
    this.id = id;
    this.arity = arity;
    this.weighted = weighted;
  }

  /** The module computing node {@code n} (null for the operators of several inputs, see {@link #apply}). */
  abstract Module module(GraphNode n, LayerFactory f);

  /** The node's output from its inputs' values, by its module {@code m} unless the operator reads several. */
  NDArray apply(GraphNode n, Module m, List<NDArray> in, boolean training) {
    return m.forward(in.get(0), training);
  }

  /** The name in a graph's JSON. */
  public String id() {
    return id;
  }

  /** How many values the operator reads ({@link #VARIADIC}: two or more). */
  public int arity() {
    return arity;
  }

  /** Whether the operator owns parameters, named after its node. */
  public boolean weighted() {
    return weighted;
  }

  /** The operator called {@code id}; the error lists the known ones. */
  public static GraphOp of(String id) {
    for (GraphOp op : values()) {
      if (op.id.equals(id)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown graph operator '" + id + "'; known: "
        + String.join(", ", Arrays.stream(values()).map(GraphOp::id).toList()));
  }
}
