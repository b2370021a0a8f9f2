package dev.convcut.examples;

import dev.convcut.api.Convcut;
import dev.convcut.api.Model;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.decompose.CutFactors;
import dev.convcut.tensorize.Decomposition;
import dev.convcut.tensorize.Decompositions;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.FactorizedLayer;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.nio.file.Path;

/**
 * Add my own decomposition: "bottleneck", the {@code ohw|i} cut (a 1×1 projection onto r
 * channels, then the k×k convolution from them) at r = a quarter of the input channels,
 * whatever the rank request says. Registered, it is a method like convcut's own.
 */
public final class MyDecomposition {
  /** The decomposition: a name, one rank, applicable where the cut is not trivial, and the factors. */
  public static final class Bottleneck implements Decomposition {
    public String name() { return "bottleneck"; }
    public String description() { return "1x1 onto in/4 channels, then the kxk convolution"; }
    public int rankCount() { return 1; }
    public String refusal(DenseConv layer, Cut cut) {
      return Cut.OHW_I.isTrivial(layer.kernel()) ? layer.name() + " has one input channel: nothing to project" : null;
    }
    public FactorizedLayer factorize(DenseConv layer, Method method, RankRequest request, boolean fold) {
      int r = Math.max(1, layer.spec().inChannels() / 4);
      return FactorizedLayer.of(layer, method, new int[] {r}, CutFactors.of(CutSvd.of(layer.kernel(), Cut.OHW_I), r), fold);
    }
  }

  public static void main(String[] args) {
    Decompositions.register(new Bottleneck());
    try (Model model = Convcut.load(Path.of(args[0]));
        Model small = model.compress(Method.parse("bottleneck"), RankRequest.ranks(1), "features.6", "features.8")) {
      small.layers().forEach(l -> System.out.println(l.name() + " " + l.form() + " " + l.params()));
      small.save(Path.of(args[1]));
    }
  }

  private MyDecomposition() {}
}
