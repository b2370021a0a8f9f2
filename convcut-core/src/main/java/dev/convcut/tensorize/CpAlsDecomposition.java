package dev.convcut.tensorize;

import dev.convcut.InvalidRequestException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.model.ConvSpec;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.decompose.CpAls;
import dev.convcut.tensor.decompose.Factorization;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * CP by alternating least squares ({@link CpAls}): a 1×1 convolution onto {@code R} channels, two
 * depthwise convolutions ({@code H×1}, {@code 1×W}) and a 1×1 back to {@code O}. Its quirks live
 * here: {@code R ≤ R_max = O·I·H·W / max(O, I, H, W)}, the rank at which an exact CP always
 * exists; {@code keep=f} takes {@code R = max(1, ceil(f·R_max))}; {@code loss=η} the smallest
 * {@code R} whose norm loss is at most η, by bisection (norm loss falls with {@code R} for
 * converged CP-ALS); {@code tol} has no CP meaning and is refused. CP-ALS is the costly
 * decomposition, so the automatic search settles its rank before decomposing, and does not try it
 * unless asked: CP-ALS often converges to degenerate factors — large components that cancel —
 * which fine-tuning cannot handle (on the Fashion-MNIST cnn4, a selection with CP on two layers
 * went from loss 0.21 to 191 in four SGD steps at lr 0.01, 0.2 → 28 at lr 0.001, while the same
 * selection with Tucker-2 and TT trained smoothly).
 */
public final class CpAlsDecomposition implements Decomposition {
  private final CpAls.Options options;

  /** @param options seed, tolerance and iteration limit of CP-ALS (its rank is replaced per layer) */
  public CpAlsDecomposition(CpAls.Options options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "cp";
  }

  @Override
  public String description() {
    return "CP (ALS): 1x1, depthwise Hx1, depthwise 1xW, 1x1";
  }

  @Override
  public int rankCount() {
    return 1;
  }

  @Override
  public String refusal(DenseConv layer, Cut cut) {
    return RankLimits.pointwiseRefusal(layer, this);
  }

  @Override
  public boolean searchedByDefault() {
    return false;
  }

  @Override
  public RankRequest searchRequest(DenseConv layer, double keep) {
    return RankRequest.ranks(rankFor(layer, keep));
  }

  @Override
  public long params(DenseConv layer, int[] ranks) {
    ConvSpec s = layer.spec();
    return (long) ranks[0] * (s.inChannels() + s.kernelH() + s.kernelW() + s.outChannels()) + (s.bias() ? s.outChannels() : 0);
  }

  /** The largest CP rank accepted for {@code layer}: {@code O·I·H·W / max(O, I, H, W)}. */
  public static int maxRank(DenseConv layer) {
    int[] d = {layer.spec().outChannels(), layer.spec().inChannels(), layer.spec().kernelH(), layer.spec().kernelW()};
    long size = (long) d[0] * d[1] * d[2] * d[3];
    int max = Math.max(Math.max(d[0], d[1]), Math.max(d[2], d[3]));
    return (int) (size / max);
  }

  /** The rank for {@code keep=f}: {@code max(1, ceil(f·R_max))}. */
  public static int rankFor(DenseConv layer, double keep) {
    int max = maxRank(layer);
    int r = BigDecimal.valueOf(keep).multiply(BigDecimal.valueOf(max)).setScale(0, RoundingMode.CEILING).intValueExact();
    return Math.max(1, Math.min(r, max));
  }

  @Override
  public FactorizedLayer factorize(DenseConv layer, Method method, RankRequest request, boolean fold) {
    Kernel w = layer.kernel();
    int max = maxRank(layer);
    Level level = request.level();
    if (level == null) {
      int r = request.ranksFor(method)[0];
      if (r > max) {
        throw RankLimits.tooHigh(layer, method, "rank " + r, "its " + layer.shape() + " kernel has an exact CP of rank " + max
            + " (O·I·H·W / max(O, I, H, W)), so higher ranks add nothing", Words.of(Setting.RANK, " 1.." + max));
      }
      return FactorizedLayer.of(layer, method, new int[] {r}, decompose(w, r), fold);
    }
    if (level instanceof Level.Keep keep) {
      int r = rankFor(layer, keep.fraction());
      return FactorizedLayer.of(layer, method, new int[] {r}, decompose(w, r), fold);
    }
    if (level instanceof Level.Loss loss) {
      // Bisection on the rank; the last decomposition within the loss is the answer (CP-ALS from a fixed seed is
      // deterministic, so decomposing again at that rank would give the same factors).
      int lo = 1;
      int hi = max;
      Factorization best = null;
      Kernel bestReconstruction = null;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        Factorization f = decompose(w, mid);
        Kernel rec = f.reconstruct();
        if (1 - rec.norm() / w.norm() <= loss.eta()) {
          hi = mid;
          best = f;
          bestReconstruction = rec;
        } else {
          lo = mid + 1;
        }
      }
      if (best == null) {
        best = decompose(w, lo);
        bestReconstruction = best.reconstruct();
      }
      return FactorizedLayer.of(layer, method, new int[] {lo}, best, bestReconstruction, fold);
    }
    throw new InvalidRequestException("layer " + layer.name() + ": " + level + " has no meaning for cp (it has no singular values);"
        + " choose ", Setting.RANK, " R, ", Setting.KEEP, " F or ", Setting.LOSS, " ETA");
  }

  private Factorization decompose(Kernel w, int rank) {
    return CpAls.decompose(w, new CpAls.Options(rank, options.seed(), options.tolerance(), options.maxIterations()));
  }
}
