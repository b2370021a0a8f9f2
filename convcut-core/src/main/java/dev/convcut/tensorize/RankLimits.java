package dev.convcut.tensorize;

import dev.convcut.UsageException;
import dev.convcut.model.ConvSpec;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.decompose.TensorTrain;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.IntToDoubleFunction;

/**
 * The ranks a layer can hold per method, and the ranks a {@link RankRequest} resolves to:
 * <ul>
 *   <li>{@code svd:<cut>}: {@code 1..r}, {@code r} the cut's full rank; a level applies to its spectrum.</li>
 *   <li>{@code tucker2}: {@code r_o ≤} full rank of {@code o|ihw}, {@code r_i ≤} that of {@code ohw|i};
 *       a level applies to each of the two spectra on its own (truncated HOSVD).</li>
 *   <li>{@code tt}: {@code r₁ ≤ min(I, OHW)}, {@code r₂ ≤ min(r₁H, OW)}, {@code r₃ ≤ min(r₂W, O)};
 *       a level applies to each bond's spectrum in turn (TT-SVD).</li>
 *   <li>{@code cp}: {@code R ≤ R_max = O·I·H·W / max(O, I, H, W)}, the rank at which an exact CP
 *       always exists; {@code keep=f} takes {@code R = max(1, ceil(f·R_max))}; {@code loss=η} the
 *       smallest {@code R} whose norm loss is at most η, by bisection (norm loss falls with
 *       {@code R} for converged CP-ALS); {@code tol} has no CP meaning and is refused.</li>
 * </ul>
 */
public final class RankLimits {
  private RankLimits() {}

  static int[] svd(DenseConv layer, Method method, CutSpectrum s, RankRequest request) {
    if (request.level() != null) {
      return new int[] {request.level().rankFor(s)};
    }
    int k = request.ranksFor(method)[0];
    if (k > s.fullRank()) {
      throw tooHigh(layer, method, "rank " + k, "cut " + s.cut() + " of its " + layer.shape() + " kernel is a " + s.rows()
          + " × " + s.cols() + " matrix of full rank " + s.fullRank(), "--rank 1.." + s.fullRank());
    }
    return new int[] {k};
  }

  static int[] tucker2(DenseConv layer, CutSpectrum out, CutSpectrum in, RankRequest request) {
    if (request.level() != null) {
      return new int[] {request.level().rankFor(out), request.level().rankFor(in)};
    }
    Method m = Method.of(Method.Kind.TUCKER2);
    int[] r = request.ranksFor(m);
    if (r[0] > out.fullRank() || r[1] > in.fullRank()) {
      throw tooHigh(layer, m, "ranks r_o=" + r[0] + ", r_i=" + r[1], "its " + layer.shape() + " kernel allows r_o ≤ "
          + out.fullRank() + " (cut o|ihw) and r_i ≤ " + in.fullRank() + " (cut ohw|i)",
          "--rank R_O,R_I with R_O in 1.." + out.fullRank() + " and R_I in 1.." + in.fullRank());
    }
    return r;
  }

  /** Explicit tensor-train ranks, each checked against what its step of TT-SVD has. */
  static int[] tt(DenseConv layer, RankRequest request) {
    Method m = Method.of(Method.Kind.TT);
    int[] r = request.ranksFor(m);
    int o = layer.spec().outChannels();
    int i = layer.spec().inChannels();
    int h = layer.spec().kernelH();
    int w = layer.spec().kernelW();
    int[] limit = {Math.min(i, o * h * w), Math.min(r[0] * h, o * w), Math.min(r[1] * w, o)};
    for (int b = 0; b < 3; b++) {
      if (r[b] > limit[b]) {
        int[] max = TensorTrain.maxRanks(layer.kernel());
        throw tooHigh(layer, m, "rank r" + (b + 1) + "=" + r[b], "with r1..r" + b + " as asked, bond " + (b + 1)
            + " of its " + layer.shape() + " kernel holds at most " + limit[b], "--rank R1,R2,R3 with R1 ≤ min(I, OHW),"
            + " R2 ≤ min(R1·H, OW), R3 ≤ min(R2·W, O); at full rank " + max[0] + "," + max[1] + "," + max[2]);
      }
    }
    return r;
  }

  /** The largest CP rank convcut accepts for {@code layer}: {@code O·I·H·W / max(O, I, H, W)}. */
  public static int cpMax(DenseConv layer) {
    int[] d = {layer.spec().outChannels(), layer.spec().inChannels(), layer.spec().kernelH(), layer.spec().kernelW()};
    long size = (long) d[0] * d[1] * d[2] * d[3];
    int max = Math.max(Math.max(d[0], d[1]), Math.max(d[2], d[3]));
    return (int) (size / max);
  }

  /** CP's rank for {@code keep=f}: {@code max(1, ceil(f·R_max))}. */
  public static int cpRank(DenseConv layer, double keep) {
    int max = cpMax(layer);
    int r = BigDecimal.valueOf(keep).multiply(BigDecimal.valueOf(max)).setScale(0, RoundingMode.CEILING).intValueExact();
    return Math.max(1, Math.min(r, max));
  }

  /** Parameters of CP at rank {@code r}: {@code r·(I + H + W + O)} weights plus the bias. */
  public static long cpParams(DenseConv layer, int r) {
    ConvSpec s = layer.spec();
    return (long) r * (s.inChannels() + s.kernelH() + s.kernelW() + s.outChannels()) + (s.bias() ? s.outChannels() : 0);
  }

  static int cp(DenseConv layer, RankRequest request, IntToDoubleFunction normLossAt) {
    Method m = Method.of(Method.Kind.CP);
    int max = cpMax(layer);
    Level level = request.level();
    if (level == null) {
      int r = request.ranksFor(m)[0];
      if (r > max) {
        throw tooHigh(layer, m, "rank " + r, "its " + layer.shape() + " kernel has an exact CP of rank " + max
            + " (O·I·H·W / max(O, I, H, W)), so higher ranks add nothing", "--rank 1.." + max);
      }
      return r;
    }
    if (level instanceof Level.Keep keep) {
      return cpRank(layer, keep.fraction());
    }
    if (level instanceof Level.Loss loss) {
      int lo = 1;
      int hi = max;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (normLossAt.applyAsDouble(mid) <= loss.eta()) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }
    throw new UsageException("layer " + layer.name() + ": " + level + " has no meaning for cp (it has no singular values);"
        + " choose --rank R, --keep F or --loss ETA");
  }

  private static UsageException tooHigh(DenseConv layer, Method m, String asked, String limit, String choices) {
    return new UsageException(asked + " for layer " + layer.name() + " (" + m + ") is above what the layer can hold: "
        + limit + "; choose " + choices + ", or --keep F / --loss ETA");
  }
}
