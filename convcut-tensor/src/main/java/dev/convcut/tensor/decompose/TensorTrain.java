package dev.convcut.tensor.decompose;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.linalg.Matrix;
import dev.convcut.tensor.linalg.Svd;
import dev.convcut.tensor.linalg.ThinSvd;
import java.util.List;

/**
 * The tensor train (matrix product state) of a kernel in index order {@code i,h,w,o}, by TT-SVD:
 * three sequential SVDs whose bonds {@code r₁, r₂, r₃} sit on the cuts {@code ohw|i}, {@code
 * ow|ih} and {@code o|ihw}. Cores {@code G₁[i,a]}, {@code G₂[a,h,b]}, {@code G₃[b,w,c]}, {@code
 * G₄[c,o]} become the convolutions 1×1 {@code (r₁, I)} → {@code (r₂, r₁, H, 1)} (row axis) →
 * {@code (r₃, r₂, 1, W)} (column axis) → 1×1 {@code (O, r₃)}. Each bond is at most the rank
 * available at its step: {@code r₁ ≤ min(I, HWO)}, {@code r₂ ≤ min(r₁H, WO)}, {@code r₃ ≤ min(r₂W,
 * O)}; {@link #maxRanks} gives those limits at full rank.
 */
public final class TensorTrain implements Factorization {
  private static final Cut[] BONDS = {Cut.OHW_I, Cut.OW_IH, Cut.O_IHW};

  private final Kernel original;
  private final int[] ranks;
  private final List<ConvFactor> factors;

  private TensorTrain(Kernel original, int[] ranks, List<ConvFactor> factors) {
    this.original = original;
    this.ranks = ranks;
    this.factors = factors;
  }

  /** Chooses a bond's rank from the spectrum at that step. */
  private interface RankChoice {
    int choose(int bond, CutSpectrum spectrum);
  }

  /** The train with bond ranks {@code r1, r2, r3}, each checked against what its step has. */
  public static TensorTrain of(Kernel w, int r1, int r2, int r3, Svd svd) {
    int[] asked = {r1, r2, r3};
    return build(w, svd, (bond, s) -> {
      if (asked[bond] < 1 || asked[bond] > s.fullRank()) {
        throw new IllegalArgumentException("TT rank r" + (bond + 1) + " = " + asked[bond] + " is outside 1.." + s.fullRank()
            + " (the rank available at bond " + (bond + 1) + " on cut " + s.cut() + " of kernel " + w.shapeString() + ")");
      }
      return asked[bond];
    });
  }

  public static TensorTrain of(Kernel w, int r1, int r2, int r3) {
    return of(w, r1, r2, r3, Svd.standard());
  }

  /** The train with every bond truncated to {@code level} (e.g. {@code tol=1e-3}) at its own step. */
  public static TensorTrain of(Kernel w, Level level, Svd svd) {
    return build(w, svd, (bond, s) -> level.rankFor(s));
  }

  /** The bond ranks at full rank: the train then reproduces the kernel exactly. */
  public static int[] maxRanks(Kernel w) {
    int[] d = requireFourIndex(w);
    int r1 = Math.min(d[1], d[2] * d[3] * d[0]);
    int r2 = Math.min(r1 * d[2], d[3] * d[0]);
    int r3 = Math.min(r2 * d[3], d[0]);
    return new int[] {r1, r2, r3};
  }

  private static int[] requireFourIndex(Kernel w) {
    if (w.order() != 4) {
      throw new IllegalArgumentException("a tensor train needs a 4-index kernel, got " + w.shapeString());
    }
    return w.shape();
  }

  private static TensorTrain build(Kernel w, Svd svd, RankChoice choice) {
    int[] d = requireFourIndex(w);
    int o = d[0];
    int in = d[1];
    int h = d[2];
    int x = d[3];
    // T[i,h,w,o]: the kernel in train order.
    double[] rest = Permutation.permute(w.toDoubleArray(), d, 1, 2, 3, 0);
    int[] ranks = new int[3];
    double[][] cores = new double[3][];
    int left = 1;
    int[] legs = {in, h, x};
    for (int bond = 0; bond < 3; bond++) {
      int rows = left * legs[bond];
      int cols = rest.length / rows;
      ThinSvd t = svd.thin(Matrix.wrap(rows, cols, rest));
      int r = choice.choose(bond, new CutSpectrum(BONDS[bond], rows, cols, t.s()));
      ranks[bond] = r;
      cores[bond] = Tucker2.leadingColumns(t.u().toArray(), rows, t.rank(), r);
      double[] vt = t.vt().toArray();
      rest = new double[r * cols];
      for (int j = 0; j < r; j++) {
        for (int c = 0; c < cols; c++) {
          rest[j * cols + c] = t.value(j) * vt[j * cols + c];
        }
      }
      left = r;
    }
    int r1 = ranks[0];
    int r2 = ranks[1];
    int r3 = ranks[2];
    List<ConvFactor> factors = List.of(
        ConvFactor.dense(Kernel.of(Permutation.permute(cores[0], new int[] {in, r1}, 1, 0), r1, in, 1, 1), SpatialAxes.NONE),
        ConvFactor.dense(Kernel.of(Permutation.permute(cores[1], new int[] {r1, h, r2}, 2, 0, 1), r2, r1, h, 1), SpatialAxes.ROWS),
        ConvFactor.dense(Kernel.of(Permutation.permute(cores[2], new int[] {r2, x, r3}, 2, 0, 1), r3, r2, 1, x), SpatialAxes.COLUMNS),
        ConvFactor.dense(Kernel.of(Permutation.permute(rest, new int[] {r3, o}, 1, 0), o, r3, 1, 1), SpatialAxes.NONE));
    return new TensorTrain(w, ranks, factors);
  }

  @Override
  public Kernel original() {
    return original;
  }

  /** The bond ranks {@code r₁, r₂, r₃}. */
  public int[] ranks() {
    return ranks.clone();
  }

  @Override
  public List<ConvFactor> factors() {
    return factors;
  }
}
