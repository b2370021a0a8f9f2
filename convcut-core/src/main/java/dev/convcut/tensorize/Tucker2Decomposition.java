package dev.convcut.tensorize;

import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.CutSvds;
import dev.convcut.tensor.decompose.Tucker2;
import java.util.List;

/**
 * Tucker-2 by truncated HOSVD: a 1×1 convolution onto {@code r_i} channels, the core, and a 1×1
 * convolution back to {@code O} ({@link Tucker2}). {@code r_o ≤} the full rank of {@code o|ihw},
 * {@code r_i ≤} that of {@code ohw|i}; a level applies to each of the two spectra on its own.
 */
public final class Tucker2Decomposition implements Decomposition {
  Tucker2Decomposition() {}

  @Override
  public String name() {
    return "tucker2";
  }

  @Override
  public List<String> aliases() {
    return List.of("tucker-2");
  }

  @Override
  public String description() {
    return "Tucker-2 (truncated HOSVD): 1x1, core, 1x1";
  }

  @Override
  public int rankCount() {
    return 2;
  }

  @Override
  public String rankNames() {
    return "r_o,r_i";
  }

  @Override
  public String refusal(DenseConv layer, Cut cut) {
    return RankLimits.pointwiseRefusal(layer, this);
  }

  @Override
  public FactorizedLayer factorize(DenseConv layer, Method method, RankRequest request, boolean fold) {
    CutSvds svds = CutSvds.of(layer.kernel());
    int[] r = ranks(layer, method, svds.spectrum(Cut.O_IHW), svds.spectrum(Cut.OHW_I), request);
    return FactorizedLayer.of(layer, method, r, Tucker2.of(svds, r[0], r[1]), fold);
  }

  private static int[] ranks(DenseConv layer, Method m, CutSpectrum out, CutSpectrum in, RankRequest request) {
    if (request.level() != null) {
      return new int[] {request.level().rankFor(out), request.level().rankFor(in)};
    }
    int[] r = request.ranksFor(m);
    if (r[0] > out.fullRank() || r[1] > in.fullRank()) {
      throw RankLimits.tooHigh(layer, m, "ranks r_o=" + r[0] + ", r_i=" + r[1], "its " + layer.shape()
          + " kernel allows r_o ≤ " + out.fullRank() + " (cut o|ihw) and r_i ≤ " + in.fullRank() + " (cut ohw|i)",
          Words.of(Setting.RANK, " R_O,R_I with R_O in 1.." + out.fullRank() + " and R_I in 1.." + in.fullRank()));
    }
    return r;
  }
}
