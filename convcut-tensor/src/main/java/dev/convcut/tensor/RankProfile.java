package dev.convcut.tensor;

import dev.convcut.tensor.linalg.Svd;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The numerical rank of a kernel along every one of its cuts (see {@link
 * CutSpectrum#numericalRank()}): after a truncation sequence, how far each cut was actually cut.
 */
public record RankProfile(Map<Cut, Integer> ranks) {

  public RankProfile {
    ranks = Collections.unmodifiableMap(new EnumMap<>(ranks));
  }

  /** The profile of {@code kernel}, from values-only SVDs (coinciding cuts decomposed once). */
  public static RankProfile of(Kernel kernel, Svd svd) {
    CutSvds svds = CutSvds.of(kernel, svd);
    Map<Cut, Integer> ranks = new EnumMap<>(Cut.class);
    for (Cut c : Cut.forOrder(kernel.order())) {
      ranks.put(c, svds.spectrum(c).numericalRank());
    }
    return new RankProfile(ranks);
  }

  public static RankProfile of(Kernel kernel) {
    return of(kernel, Svd.standard());
  }

  /** The rank along {@code cut}. */
  public int rank(Cut cut) {
    Integer r = ranks.get(cut);
    if (r == null) {
      throw new IllegalArgumentException("no rank for cut " + cut + "; this profile has " + ranks.keySet());
    }
    return r;
  }

  /** E.g. {@code o|ihw=8 ohw|i=3 ...}. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(" ");
    ranks.forEach((c, r) -> j.add(c + "=" + r));
    return j.toString();
  }
}
