package dev.convcut.tensorize;

import dev.convcut.tensor.Cut;
import java.util.List;

/**
 * One way to factorize a convolution: its name, how many ranks it takes, which layers it
 * applies to, the ranks a layer can hold, and the decomposition itself. Every quirk of a
 * decomposition lives in its implementation ({@link CutSvdDecomposition}, {@link
 * Tucker2Decomposition}, {@link CpAlsDecomposition}, {@link TensorTrainDecomposition}); the
 * {@link Factorizer}, the automatic search ({@link dev.convcut.tensorize.select.CandidateGrid})
 * and the sensitivity sources ask it instead of switching on a kind. A new decomposition is one
 * class implementing this interface, registered with {@link Decompositions#register} or listed in
 * {@code META-INF/services/dev.convcut.tensorize.Decomposition}; the test class {@code
 * DecompositionContract} states what it must satisfy (convcut's four extend it).
 */
public interface Decomposition {

  /** The name in method texts ({@code tucker2}), lower case. */
  String name();

  /** Other spellings {@link Method#parse} accepts for it. */
  default List<String> aliases() {
    return List.of();
  }

  /** One line for listings: what the factor chain is. */
  String description();

  /** Whether a method of this decomposition names a cut ({@code svd:o|ihw}); then {@link #cuts()} lists them. */
  default boolean takesCut() {
    return false;
  }

  /** The cuts a method of this decomposition may name (when it {@link #takesCut() takes one}). */
  default List<Cut> cuts() {
    return List.of();
  }

  /** Why a method of this decomposition cannot name {@code cut}, or null when it can. */
  default String cutRefusal(Cut cut) {
    return cuts().contains(cut) ? null : name() + ":" + cut + " is not one of its cuts; choices: "
        + String.join(", ", cuts().stream().map(Cut::toString).toList());
  }

  /** How many ranks it takes (1 for a cut, 2 for Tucker-2, ...). */
  int rankCount();

  /** The ranks' names for messages, e.g. {@code r_o,r_i}. */
  default String rankNames() {
    return rankCount() == 1 ? "r" : String.join(",", java.util.stream.IntStream.rangeClosed(1, rankCount())
        .mapToObj(i -> "r" + i).toList());
  }

  /**
   * Why {@code layer} cannot take this decomposition (with {@code cut} when it takes one), or
   * null when it can. Grouped convolutions are refused before this is asked.
   */
  String refusal(DenseConv layer, Cut cut);

  /**
   * Factorizes {@code layer} at the ranks {@code request} resolves to; refuses ranks above what
   * the layer can hold with a {@link dev.convcut.InvalidRequestException} naming the layer and the limit.
   *
   * @param fold merge a square 1×1 factor at either end of the chain into its neighbour ({@link PassThrough})
   */
  FactorizedLayer factorize(DenseConv layer, Method method, RankRequest request, boolean fold);

  /**
   * The request the automatic search makes of this decomposition at kept fraction {@code keep}.
   * By default the level {@code keep=f}; a decomposition whose decomposition is costly settles its
   * ranks here instead, so the search can skip duplicates and hopeless ones before decomposing.
   */
  default RankRequest searchRequest(DenseConv layer, double keep) {
    return RankRequest.level(dev.convcut.tensor.Level.keep(keep));
  }

  /**
   * The weight and bias count of the factor chain at explicit {@code ranks}, or -1 when only the
   * decomposition can tell (the search then decomposes before judging the cost).
   */
  default long params(DenseConv layer, int[] ranks) {
    return -1;
  }

  /** Whether automatic compression tries it unless the user names the methods. */
  default boolean searchedByDefault() {
    return true;
  }

  /**
   * The cut whose layer-wise sweep row measures this method at rank {@code r} (a truncation
   * along one cut is what a cut decomposition computes), or null when no sweep row does.
   */
  default Cut sweptCut(Method method) {
    return null;
  }
}
