package dev.convcut.tensorize;

import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.decompose.CutFactors;
import java.util.List;

/**
 * A cut's truncated SVD, {@code svd:<cut>}: two convolutions whose shapes the cut fixes ({@link
 * CutFactors}). Ranks {@code 1..r}, {@code r} the cut's full rank; a level applies to the cut's
 * spectrum. It is the only decomposition a 1×1 kernel takes (there it is a low-rank matrix
 * product), and the one whose layer-wise sweep rows measure it exactly.
 */
public final class CutSvdDecomposition implements Decomposition {
  CutSvdDecomposition() {}

  @Override
  public String name() {
    return "svd";
  }

  @Override
  public String description() {
    return "a cut's truncated SVD: two convolutions";
  }

  @Override
  public boolean takesCut() {
    return true;
  }

  @Override
  public List<Cut> cuts() {
    return Cut.fourIndex();
  }

  @Override
  public String cutRefusal(Cut cut) {
    return cut == Cut.O_I ? "svd:o|i is the cut of a fully connected layer; convcut factorizes convolutions"
        : Decomposition.super.cutRefusal(cut);
  }

  @Override
  public int rankCount() {
    return 1;
  }

  @Override
  public String refusal(DenseConv layer, Cut cut) {
    if (cut.isTrivial(layer.kernel())) {
      return "cut " + cut + " is trivial on layer " + layer.name() + "'s " + layer.shape()
          + " kernel (one side has dimension 1, so it cannot be cut); non-trivial cuts: " + String.join(", ",
          Cut.fourIndex().stream().filter(c -> !c.isTrivial(layer.kernel())).map(Cut::toString).toList());
    }
    return null;
  }

  @Override
  public FactorizedLayer factorize(DenseConv layer, Method method, RankRequest request, boolean fold) {
    CutSvd svd = CutSvd.of(layer.kernel(), method.cut());
    int k = rank(layer, method, svd.spectrum(), request);
    return FactorizedLayer.of(layer, method, new int[] {k}, CutFactors.of(svd, k), fold);
  }

  private static int rank(DenseConv layer, Method method, CutSpectrum s, RankRequest request) {
    if (request.level() != null) {
      return request.level().rankFor(s);
    }
    int k = request.ranksFor(method)[0];
    if (k > s.fullRank()) {
      throw RankLimits.tooHigh(layer, method, "rank " + k, "cut " + s.cut() + " of its " + layer.shape() + " kernel is a "
          + s.rows() + " × " + s.cols() + " matrix of full rank " + s.fullRank(), Words.of(Setting.RANK, " 1.." + s.fullRank()));
    }
    return k;
  }

  @Override
  public Cut sweptCut(Method method) {
    return method.cut();
  }
}
