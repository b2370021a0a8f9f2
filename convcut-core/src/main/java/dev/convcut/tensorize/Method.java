package dev.convcut.tensorize;

import dev.convcut.tensor.Cut;
import java.util.Locale;

/**
 * How a convolution is factorized: the two convolutions of one cut's truncated SVD ({@code
 * svd:<cut>}), Tucker-2 (three convolutions), CP (four, two of them depthwise) or the tensor
 * train in index order {@code i,h,w,o} (four). Text forms: {@code svd:oh|iw} (the cut in any
 * spelling {@link Cut#parse} accepts, e.g. {@code svd:oh/iw}), {@code tucker2}, {@code cp},
 * {@code tt}.
 *
 * @param cut the cut for {@link Kind#SVD}, null otherwise
 */
public record Method(Kind kind, Cut cut) {
  /** The decomposition families. */
  public enum Kind {
    SVD, TUCKER2, CP, TT
  }

  public static final String CHOICES = "svd:<cut> (e.g. svd:o|ihw, svd:oh/iw), tucker2, cp, tt";

  public Method {
    if (kind == null) {
      throw new IllegalArgumentException("a factorization method needs a kind; choices: " + CHOICES);
    }
    if ((kind == Kind.SVD) != (cut != null)) {
      throw new IllegalArgumentException(kind == Kind.SVD ? "svd needs a cut, e.g. svd:o|ihw"
          : kind.name().toLowerCase(Locale.ROOT) + " takes no cut");
    }
    if (cut == Cut.O_I) {
      throw new IllegalArgumentException("svd:o|i is the cut of a fully connected layer; convcut compress factorizes convolutions");
    }
  }

  public static Method svd(Cut cut) {
    return new Method(Kind.SVD, cut);
  }

  public static Method of(Kind kind) {
    return new Method(kind, null);
  }

  /** Parses {@code svd:o|ihw}, {@code tucker2}, {@code cp} or {@code tt} (case ignored). */
  public static Method parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("svd:") || t.startsWith("svd=")) {
      return svd(Cut.parse(t.substring(4)));
    }
    return switch (t) {
      case "tucker2", "tucker-2" -> of(Kind.TUCKER2);
      case "cp" -> of(Kind.CP);
      case "tt", "mps" -> of(Kind.TT);
      case "svd" -> throw new IllegalArgumentException("method 'svd' needs a cut: svd:<cut>, e.g. svd:o|ihw or svd:oh/iw");
      default -> throw new IllegalArgumentException("unknown method '" + text + "'; choices: " + CHOICES);
    };
  }

  /** How many ranks the method has: 1 for a cut and CP, 2 for Tucker-2 ({@code r_o, r_i}), 3 for a tensor train. */
  public int rankCount() {
    return switch (kind) {
      case TUCKER2 -> 2;
      case TT -> 3;
      default -> 1;
    };
  }

  @Override
  public String toString() {
    return kind == Kind.SVD ? "svd:" + cut : kind.name().toLowerCase(Locale.ROOT);
  }
}
