package dev.convcut.tensorize;

import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.decompose.TensorTrain;
import dev.convcut.tensor.linalg.Svd;
import java.util.List;

/**
 * The tensor train in index order {@code i,h,w,o} by TT-SVD: four convolutions ({@link
 * TensorTrain}). {@code r₁ ≤ min(I, OHW)}, {@code r₂ ≤ min(r₁H, OW)}, {@code r₃ ≤ min(r₂W, O)}; a
 * level applies to each bond's spectrum in turn.
 */
public final class TensorTrainDecomposition implements Decomposition {
  TensorTrainDecomposition() {}

  @Override
  public String name() {
    return "tt";
  }

  @Override
  public List<String> aliases() {
    return List.of("mps");
  }

  @Override
  public String description() {
    return "tensor train i,h,w,o (TT-SVD): four convolutions";
  }

  @Override
  public int rankCount() {
    return 3;
  }

  @Override
  public String refusal(DenseConv layer, Cut cut) {
    return RankLimits.pointwiseRefusal(layer, this);
  }

  @Override
  public FactorizedLayer factorize(DenseConv layer, Method method, RankRequest request, boolean fold) {
    if (request.level() != null) {
      TensorTrain tt = TensorTrain.of(layer.kernel(), request.level(), Svd.standard());
      return FactorizedLayer.of(layer, method, tt.ranks(), tt, fold);
    }
    int[] r = ranks(layer, method, request);
    return FactorizedLayer.of(layer, method, r, TensorTrain.of(layer.kernel(), r[0], r[1], r[2]), fold);
  }

  /** Explicit ranks, each checked against what its step of TT-SVD has. */
  private static int[] ranks(DenseConv layer, Method m, RankRequest request) {
    int[] r = request.ranksFor(m);
    int o = layer.spec().outChannels();
    int i = layer.spec().inChannels();
    int h = layer.spec().kernelH();
    int w = layer.spec().kernelW();
    int[] limit = {Math.min(i, o * h * w), Math.min(r[0] * h, o * w), Math.min(r[1] * w, o)};
    for (int b = 0; b < 3; b++) {
      if (r[b] > limit[b]) {
        int[] max = TensorTrain.maxRanks(layer.kernel());
        throw RankLimits.tooHigh(layer, m, "rank r" + (b + 1) + "=" + r[b], "with r1..r" + b + " as asked, bond " + (b + 1)
            + " of its " + layer.shape() + " kernel holds at most " + limit[b], Words.of(Setting.RANK, " R1,R2,R3 with R1 ≤ min(I, OHW),"
            + " R2 ≤ min(R1·H, OW), R3 ≤ min(R2·W, O); at full rank " + max[0] + "," + max[1] + "," + max[2]));
      }
    }
    return r;
  }
}
