package dev.convcut.tensorize;

import dev.convcut.UsageException;
import dev.convcut.model.LayerForm;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.CutSvds;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.decompose.ConvFactor;
import dev.convcut.tensor.decompose.CpAls;
import dev.convcut.tensor.decompose.CutFactors;
import dev.convcut.tensor.decompose.Factorization;
import dev.convcut.tensor.decompose.TensorTrain;
import dev.convcut.tensor.decompose.Tucker2;
import dev.convcut.tensor.linalg.Svd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Factorizes one dense convolution by a {@link Method} at the ranks a {@link RankRequest}
 * chooses, initializing the factors from the trained kernel by the matching decomposition: a
 * cut's truncated SVD ({@link CutFactors}), truncated HOSVD ({@link Tucker2}), TT-SVD ({@link
 * TensorTrain}) or CP-ALS ({@link CpAls}). Requests a layer cannot take are refused before any
 * work, naming the layer, the limit and the choices ({@link RankLimits}).
 */
public final class Factorizer {
  private final CpAls.Options cpDefaults;
  private final boolean fold;

  /**
   * @param cpDefaults seed, tolerance and iteration limit for CP-ALS (its rank is replaced per layer)
   * @param fold merge a square 1×1 factor at either end of the chain into its dense neighbour
   *     ({@link PassThrough}); off only to test the unmerged chains
   */
  public Factorizer(CpAls.Options cpDefaults, boolean fold) {
    this.cpDefaults = cpDefaults;
    this.fold = fold;
  }

  /**
   * CP-ALS from seed 0, stopping when the fit improves by less than 1e-7 in a sweep, at most 500
   * sweeps; square pass-through factors merged.
   */
  public static Factorizer standard() {
    return new Factorizer(CpAls.Options.ofRank(1), true);
  }

  /** Checks that {@code layer} can take {@code method} at all (groups, 1×1 kernels, trivial cuts). */
  public static void checkApplicable(DenseConv layer, Method method) {
    if (layer.spec().groups() != 1) {
      throw new UsageException("layer " + layer.name() + " is a grouped convolution (groups=" + layer.spec().groups()
          + "); every factorized form needs groups = 1: leave it dense (choose the layers with --layers)");
    }
    Kernel w = layer.kernel();
    boolean pointwise = layer.spec().kernelH() == 1 && layer.spec().kernelW() == 1;
    if (pointwise && method.kind() != Method.Kind.SVD) {
      throw new UsageException("layer " + layer.name() + " has a 1x1 kernel (" + layer.shape() + "): " + method
          + " reduces there to a low-rank matrix product; use svd:o|ihw for it");
    }
    if (method.kind() == Method.Kind.SVD && method.cut().isTrivial(w)) {
      throw new UsageException("cut " + method.cut() + " is trivial on layer " + layer.name() + "'s " + layer.shape()
          + " kernel (one side has dimension 1, so it cannot be cut); non-trivial cuts: " + String.join(", ",
          Cut.fourIndex().stream().filter(c -> !c.isTrivial(w)).map(Cut::toString).toList()));
    }
  }

  /** The factorized layer; refuses inapplicable methods and ranks above the layer's limits. */
  public FactorizedLayer factorize(DenseConv layer, Method method, RankRequest request) {
    checkApplicable(layer, method);
    Kernel w = layer.kernel();
    Factorization f;
    int[] ranks;
    switch (method.kind()) {
      case SVD -> {
        CutSvd svd = CutSvd.of(w, method.cut());
        ranks = RankLimits.svd(layer, method, svd.spectrum(), request);
        f = CutFactors.of(svd, ranks[0]);
      }
      case TUCKER2 -> {
        CutSvds svds = CutSvds.of(w);
        ranks = RankLimits.tucker2(layer, svds.spectrum(Cut.O_IHW), svds.spectrum(Cut.OHW_I), request);
        f = Tucker2.of(svds, ranks[0], ranks[1]);
      }
      case TT -> {
        if (request.level() != null) {
          TensorTrain tt = TensorTrain.of(w, request.level(), Svd.standard());
          ranks = tt.ranks();
          f = tt;
        } else {
          ranks = RankLimits.tt(layer, request);
          f = TensorTrain.of(w, ranks[0], ranks[1], ranks[2]);
        }
      }
      case CP -> {
        ranks = new int[] {RankLimits.cp(layer, request, r -> cp(w, r).normLoss())};
        return cp(w, ranks[0]).layer(layer, method, ranks, fold);
      }
      default -> throw new IllegalStateException("unhandled method " + method);
    }
    return assemble(layer, method, ranks, f, f.reconstruct(), fold);
  }

  /** A decomposition with its reconstruction, kept while CP's rank search tries several. */
  private record Result(Factorization f, Kernel reconstruction) {
    double normLoss() {
      return 1 - reconstruction.norm() / f.original().norm();
    }

    FactorizedLayer layer(DenseConv layer, Method method, int[] ranks, boolean fold) {
      return assemble(layer, method, ranks, f, reconstruction, fold);
    }
  }

  private Result cp(Kernel w, int rank) {
    Factorization f = CpAls.decompose(w, new CpAls.Options(rank, cpDefaults.seed(), cpDefaults.tolerance(),
        cpDefaults.maxIterations()));
    return new Result(f, f.reconstruct());
  }

  private static FactorizedLayer assemble(DenseConv layer, Method method, int[] ranks, Factorization f, Kernel reconstruction,
      boolean fold) {
    Kernel w = f.original();
    List<ConvFactor> factors = fold ? PassThrough.fold(f.factors()) : f.factors();
    List<float[]> weights = new ArrayList<>();
    for (ConvFactor c : factors) {
      weights.add(c.weight().toFloatArray());
    }
    String rankText = String.join(",", Arrays.stream(ranks).mapToObj(String::valueOf).toList());
    LayerForm form = new LayerForm(LayerForm.FACTORIZED, FactorSpecs.of(factors, layer.spec()),
        method + " rank " + rankText);
    double norm = w.norm();
    double normLoss = norm == 0 ? 0 : 1 - reconstruction.norm() / norm;
    double relError = norm == 0 ? 0 : reconstruction.distance(w) / norm;
    return new FactorizedLayer(layer, method, Arrays.stream(ranks).boxed().toList(), form, weights,
        reconstruction.toFloatArray(), normLoss, relError);
  }
}
