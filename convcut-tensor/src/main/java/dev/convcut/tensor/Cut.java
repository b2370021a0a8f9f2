package dev.convcut.tensor;

import dev.convcut.tensor.linalg.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bipartition of a kernel's indices into the group holding {@code o} (the matrix rows) and the
 * rest (the columns). A 4-index kernel has the seven cuts below; a 2-index kernel has the one cut
 * {@code o|i}. Names are canonical: the {@code o} group first, letters in {@code o,i,h,w} order,
 * joined by {@code |}. {@link #parse} accepts either group first, any letter order, and {@code /}
 * or {@code :} for {@code |}.
 */
public enum Cut {
  O_IHW(Index.O),
  OHW_I(Index.O, Index.H, Index.W),
  OIW_H(Index.O, Index.I, Index.W),
  OIH_W(Index.O, Index.I, Index.H),
  OI_HW(Index.O, Index.I),
  OH_IW(Index.O, Index.H),
  OW_IH(Index.O, Index.W),
  /** The single cut of a 2-index (fully connected) kernel. */
  O_I(Index.O);

  private static final int ALL4 = 0b1111;
  private static final int ALL2 = 0b0011;
  private static final List<Cut> FOUR_INDEX = List.of(O_IHW, OHW_I, OIW_H, OIH_W, OI_HW, OH_IW, OW_IH);

  private final int rowMask;
  private final int order;
  private final String name;

  Cut(Index... rowGroup) {
    int mask = 0;
    for (Index x : rowGroup) {
      mask |= x.bit();
    }
    this.rowMask = mask;
    this.order = name().equals("O_I") ? 2 : 4;
    this.name = letters(mask) + "|" + letters((order == 4 ? ALL4 : ALL2) & ~mask);
  }

  private static String letters(int mask) {
    StringBuilder b = new StringBuilder();
    for (Index x : Index.values()) {
      if ((mask & x.bit()) != 0) {
        b.append(x.letter());
      }
    }
    return b.toString();
  }

  /** The seven cuts of a 4-index kernel, in docs/science.md's order. */
  public static List<Cut> fourIndex() {
    return FOUR_INDEX;
  }

  /** The cuts a kernel of this order has: the seven, or {@code o|i} alone. */
  public static List<Cut> forOrder(int order) {
    return order == 2 ? List.of(O_I) : FOUR_INDEX;
  }

  /** 4 or 2: the order of the kernels this cut applies to. */
  public int order() {
    return order;
  }

  /** The row group (the one holding {@code o}), in {@code o,i,h,w} order. */
  public List<Index> rowIndices() {
    return indices(rowMask);
  }

  /** The column group, in {@code o,i,h,w} order. */
  public List<Index> colIndices() {
    return indices((order == 4 ? ALL4 : ALL2) & ~rowMask);
  }

  private static List<Index> indices(int mask) {
    List<Index> list = new ArrayList<>();
    for (Index x : Index.values()) {
      if ((mask & x.bit()) != 0) {
        list.add(x);
      }
    }
    return List.copyOf(list);
  }

  /** Whether one group is a single index: truncations along such cuts form a Tucker decomposition. */
  public boolean isSingleIndex() {
    return rowIndices().size() == 1 || colIndices().size() == 1;
  }

  /** Throws unless this cut belongs to {@code kernel}, naming the cuts it does have. */
  public void checkAppliesTo(Kernel kernel) {
    if (kernel.order() != order) {
      throw new IllegalArgumentException("cut " + name + " is for " + order + "-index kernels; kernel "
          + kernel.shapeString() + " has the cuts " + forOrder(kernel.order()));
    }
  }

  /** Rows of the matricization: the product of the row group's extents. */
  public int rows(Kernel kernel) {
    checkAppliesTo(kernel);
    return extent(kernel, rowMask);
  }

  /** Columns of the matricization. */
  public int cols(Kernel kernel) {
    checkAppliesTo(kernel);
    return kernel.size() / extent(kernel, rowMask);
  }

  /** {@code min(rows, cols)}: the largest rank along this cut, a property of the shape. */
  public int fullRank(Kernel kernel) {
    return Math.min(rows(kernel), cols(kernel));
  }

  /** Whether the smaller side has dimension 1; such cuts are skipped, never errors. */
  public boolean isTrivial(Kernel kernel) {
    return fullRank(kernel) == 1;
  }

  private static int extent(Kernel kernel, int mask) {
    int e = 1;
    for (Index x : Index.values()) {
      if ((mask & x.bit()) != 0) {
        e *= kernel.dim(x);
      }
    }
    return e;
  }

  /** The row group without indices of extent 1: cuts that differ only in those coincide. */
  private int reducedRows(Kernel kernel) {
    return rowMask & nonUnit(kernel);
  }

  private int reducedCols(Kernel kernel) {
    return (order == 4 ? ALL4 : ALL2) & ~rowMask & nonUnit(kernel);
  }

  private static int nonUnit(Kernel kernel) {
    int mask = 0;
    for (Index x : Index.values()) {
      if (kernel.dim(x) > 1) {
        mask |= x.bit();
      }
    }
    return mask;
  }

  /**
   * Whether this cut and {@code other} give the same matrix for {@code kernel}, up to
   * transposition: they differ only in indices of extent 1 (a 1×1 kernel's four non-trivial
   * cuts are all {@code o|i}).
   */
  public boolean coincidesWith(Cut other, Kernel kernel) {
    checkAppliesTo(kernel);
    other.checkAppliesTo(kernel);
    int a = reducedRows(kernel);
    int b = reducedCols(kernel);
    int c = other.reducedRows(kernel);
    int d = other.reducedCols(kernel);
    return (a == c && b == d) || (a == d && b == c);
  }

  /** For coinciding cuts: whether {@code other}'s matrix is this cut's matrix transposed. */
  public boolean isTransposeOf(Cut other, Kernel kernel) {
    if (!coincidesWith(other, kernel)) {
      throw new IllegalArgumentException("cuts " + this + " and " + other + " do not coincide for kernel " + kernel.shapeString());
    }
    return reducedRows(kernel) != other.reducedRows(kernel);
  }

  /**
   * Every cut of {@code kernel} mapped to the first cut (in canonical order) it coincides with:
   * decomposing the representatives alone covers every cut.
   */
  public static Map<Cut, Cut> representatives(Kernel kernel) {
    Map<Cut, Cut> map = new LinkedHashMap<>();
    List<Cut> cuts = forOrder(kernel.order());
    for (Cut c : cuts) {
      for (Cut earlier : cuts) {
        if (earlier.coincidesWith(c, kernel)) {
          map.put(c, earlier);
          break;
        }
      }
    }
    return map;
  }

  /**
   * The matricization along this cut: indices permuted so the {@code o} group comes first (each
   * group in {@code o,i,h,w} order), then reshaped to {@code rows × cols}.
   */
  public Matrix matricize(Kernel kernel) {
    Layout l = layout(kernel);
    double[] src = kernel.raw();
    double[] dst = new double[src.length];
    int[] d = l.dims;
    int flat = 0;
    for (int o = 0; o < d[0]; o++) {
      for (int i = 0; i < d[1]; i++) {
        for (int h = 0; h < d[2]; h++) {
          for (int w = 0; w < d[3]; w++) {
            dst[l.target(o, i, h, w)] = src[flat++];
          }
        }
      }
    }
    return Matrix.wrap(l.rows, l.cols, dst);
  }

  /** The inverse of {@link #matricize}: folds a {@code rows × cols} matrix back into {@code shape}. */
  public Kernel fold(Matrix m, int... shape) {
    Kernel template = Kernel.zeros(shape);
    Layout l = layout(template);
    if (m.rows() != l.rows || m.cols() != l.cols) {
      throw new IllegalArgumentException("cannot fold a " + m.shape() + " matrix along " + this + " into shape "
          + template.shapeString() + ", which needs " + l.rows + " × " + l.cols);
    }
    double[] src = m.toArray();
    double[] dst = new double[src.length];
    int[] d = l.dims;
    int flat = 0;
    for (int o = 0; o < d[0]; o++) {
      for (int i = 0; i < d[1]; i++) {
        for (int h = 0; h < d[2]; h++) {
          for (int w = 0; w < d[3]; w++) {
            dst[flat++] = src[l.target(o, i, h, w)];
          }
        }
      }
    }
    return Kernel.wrap(dst, shape.clone());
  }

  private Layout layout(Kernel kernel) {
    checkAppliesTo(kernel);
    int[] d = kernel.dims4();
    int[] stride = new int[4];
    int rowStride = 1;
    int colStride = 1;
    int cols = 1;
    for (int x = 3; x >= 0; x--) {
      if ((rowMask & (1 << x)) != 0) {
        stride[x] = rowStride;
        rowStride *= d[x];
      } else {
        stride[x] = colStride;
        colStride *= d[x];
        cols *= d[x];
      }
    }
    // Row-group strides are in units of rows; scale them to flat positions in the matrix.
    for (int x = 0; x < 4; x++) {
      if ((rowMask & (1 << x)) != 0) {
        stride[x] *= cols;
      }
    }
    return new Layout(d, stride, kernel.size() / cols, cols);
  }

  /** Where each {@code (o,i,h,w)} lands in the row-major matrix. */
  private record Layout(int[] dims, int[] stride, int rows, int cols) {
    int target(int o, int i, int h, int w) {
      return o * stride[0] + i * stride[1] + h * stride[2] + w * stride[3];
    }
  }

  /**
   * Parses a cut name: either group first, any letter order, {@code |}, {@code /} or {@code :}
   * between the groups, case ignored. Errors name the bad letter and list the valid cuts.
   */
  public static Cut parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    String[] groups = t.split("[|/:]", -1);
    if (groups.length != 2 || groups[0].isEmpty() || groups[1].isEmpty()) {
      throw bad(text, "expected two non-empty groups of index letters joined by |, / or :");
    }
    int[] masks = new int[2];
    for (int g = 0; g < 2; g++) {
      for (char c : groups[g].toCharArray()) {
        Index x = Index.ofLetter(c);
        if (x == null) {
          throw bad(text, "'" + c + "' is not an index letter (o, i, h, w)");
        }
        if (((masks[0] | masks[1]) & x.bit()) != 0) {
          throw bad(text, "letter '" + c + "' appears twice");
        }
        masks[g] |= x.bit();
      }
    }
    int all = masks[0] | masks[1];
    if (all != ALL4 && all != ALL2) {
      String missing = String.join(", ", letters(ALL4 & ~all).split(""));
      throw bad(text, "every index must be in one group, but " + missing + " is in neither");
    }
    int rows = (masks[0] & Index.O.bit()) != 0 ? masks[0] : masks[1];
    for (Cut c : values()) {
      if (c.rowMask == rows && c.order == (all == ALL4 ? 4 : 2)) {
        return c;
      }
    }
    throw bad(text, "no such cut");
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("cut '" + text + "': " + why + "; valid cuts: "
        + String.join(", ", FOUR_INDEX.stream().map(Cut::toString).toList()) + " (and o|i for a 2-index kernel)");
  }

  /** The canonical name, e.g. {@code oh|iw}. */
  @Override
  public String toString() {
    return name;
  }
}
