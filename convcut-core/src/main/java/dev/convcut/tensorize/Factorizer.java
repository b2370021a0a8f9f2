package dev.convcut.tensorize;

import dev.convcut.InvalidRequestException;
import dev.convcut.Setting;
import dev.convcut.Words;

/**
 * Factorizes one dense convolution by a {@link Method} at the ranks a {@link RankRequest}
 * chooses, initializing the factors from the trained kernel by the method's {@link
 * Decomposition}. Requests a layer cannot take are refused before any work, naming the layer, the
 * limit and the choices.
 */
public final class Factorizer {
  private final boolean fold;

  /**
   * @param fold merge a square 1×1 factor at either end of the chain into its dense neighbour
   *     ({@link PassThrough}); off only to test the unmerged chains
   */
  public Factorizer(boolean fold) {
    this.fold = fold;
  }

  /** Square pass-through factors merged. */
  public static Factorizer standard() {
    return new Factorizer(true);
  }

  /** Why {@code layer} cannot take {@code method} at all (groups, 1×1 kernels, trivial cuts), or null when it can. */
  public static String refusal(DenseConv layer, Method method) {
    Words why = refusalWords(layer, method);
    return why == null ? null : why.toString();
  }

  private static Words refusalWords(DenseConv layer, Method method) {
    if (layer.spec().groups() != 1) {
      return Words.of("layer " + layer.name() + " is a grouped convolution (groups=" + layer.spec().groups()
          + "); every factorized form needs groups = 1: leave it dense (choose the layers with ", Setting.LAYERS, ")");
    }
    String why = method.decomposition().refusal(layer, method.cut());
    return why == null ? null : Words.of(why);
  }


  /** Checks that {@code layer} can take {@code method} at all (groups, 1×1 kernels, trivial cuts). */
  public static void checkApplicable(DenseConv layer, Method method) {
    Words why = refusalWords(layer, method);
    if (why != null) {
      throw new InvalidRequestException(why);
    }
  }

  /** The factorized layer; refuses inapplicable methods and ranks above the layer's limits. */
  public FactorizedLayer factorize(DenseConv layer, Method method, RankRequest request) {
    checkApplicable(layer, method);
    return method.decomposition().factorize(layer, method, request, fold);
  }
}
