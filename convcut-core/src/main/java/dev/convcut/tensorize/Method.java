package dev.convcut.tensorize;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.convcut.tensor.Cut;
import java.util.Locale;

/**
 * How a convolution is factorized: a {@link Decomposition}, with the cut for one that takes a cut.
 * Text forms: {@code svd:oh|iw} (the cut in any spelling {@link Cut#parse} accepts, e.g. {@code
 * svd:oh/iw}), {@code tucker2}, {@code cp}, {@code tt}, and the names of registered
 * decompositions ({@link Decompositions}).
 *
 * @param cut the cut, for a decomposition that {@link Decomposition#takesCut() takes one}; null otherwise
 */
public record Method(Decomposition decomposition, Cut cut) {
  /** Tucker-2. */
  public static final Method TUCKER2 = new Method(Decompositions.TUCKER2, null);
  /** CP. */
  public static final Method CP = new Method(Decompositions.CP, null);
  /** The tensor train. */
  public static final Method TT = new Method(Decompositions.TT, null);

  public Method {
    if (decomposition == null) {
      throw new IllegalArgumentException("a factorization method needs a decomposition; choices: " + Decompositions.choices());
    }
    if (decomposition.takesCut() != (cut != null)) {
      throw new IllegalArgumentException(decomposition.takesCut() ? "method '" + decomposition.name() + "' needs a cut: "
          + decomposition.name() + ":<cut>, e.g. " + decomposition.name() + ":" + decomposition.cuts().get(0)
          : decomposition.name() + " takes no cut");
    }
    if (cut != null) {
      String why = decomposition.cutRefusal(cut);
      if (why != null) {
        throw new IllegalArgumentException(why);
      }
    }
  }

  /** A cut's truncated SVD along {@code cut}. */
  public static Method svd(Cut cut) {
    return new Method(Decompositions.SVD, cut);
  }

  /** Parses {@code svd:o|ihw}, {@code tucker2}, {@code cp}, {@code tt} or a registered name (case ignored). */
  @JsonCreator
  public static Method parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int colon = t.replace('=', ':').indexOf(':');
    String name = colon >= 0 ? t.substring(0, colon) : t;
    Decomposition d = Decompositions.find(name);
    if (d == null) {
      throw new IllegalArgumentException("unknown method '" + text + "'; choices: " + Decompositions.choices());
    }
    if (d.takesCut()) {
      return new Method(d, colon >= 0 ? Cut.parse(t.substring(colon + 1)) : null);
    }
    if (colon >= 0) {
      throw new IllegalArgumentException("method '" + text + "': " + d.name() + " takes no cut");
    }
    return new Method(d, null);
  }

  /** How many ranks the method has. */
  public int rankCount() {
    return decomposition.rankCount();
  }

  /** The text form, as {@link #parse} reads it (and as run records store it). */
  @JsonValue
  @Override
  public String toString() {
    return cut != null ? decomposition.name() + ":" + cut : decomposition.name();
  }
}
