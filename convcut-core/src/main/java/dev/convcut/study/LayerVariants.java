package dev.convcut.study;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.CutSvds;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.decompose.CutFactors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variants of one layer in a sweep — every non-trivial cut of the grid that the layer has,
 * at every level — with the work they share found out in advance: one SVD per distinct
 * matricization (coinciding cuts share it), and one evaluation per distinct truncated kernel
 * (levels that give the same rank on a cut, and coinciding cuts at the same rank, give the same
 * kernel). A variant at full rank is the original kernel and needs no evaluation: it takes the
 * baseline's score. A {@code rank} level above a cut's full rank keeps the full rank.
 */
public final class LayerVariants {
  /** One (cut, level) of the layer and what it truncates to; {@code evaluation} is null at full rank. */
  public record Variant(Cut cut, Level level, int rank, CutSpectrum spectrum, long factorizedParams, String evaluation) {
    public boolean fullRank() {
      return evaluation == null;
    }
  }

  private final String layer;
  private final Kernel kernel;
  private final CutSvds svds;
  private final List<Variant> variants;
  private final Map<String, Target> evaluations = new LinkedHashMap<>();

  /** What an evaluation scores: the kernel truncated along {@code cut} to {@code rank}. */
  private record Target(Cut cut, int rank) {}

  private LayerVariants(String layer, Kernel kernel, List<Cut> cuts, List<Level> levels) {
    this.layer = layer;
    this.kernel = kernel;
    this.svds = CutSvds.of(kernel);
    List<Variant> list = new ArrayList<>();
    for (Cut cut : cuts) {
      if (cut.order() != kernel.order() || cut.isTrivial(kernel)) {
        continue;
      }
      Cut rep = svds.representativeOf(cut);
      CutSpectrum s = svds.svd(cut).spectrum();
      for (Level level : levels) {
        int rank = rankFor(level, s);
        String key = rank == s.fullRank() ? null : layer + " " + rep + "@" + rank;
        if (key != null) {
          evaluations.putIfAbsent(key, new Target(rep, rank));
        }
        list.add(new Variant(cut, level, rank, s, CutFactors.parameters(cut, kernel.shape(), rank), key));
      }
    }
    this.variants = List.copyOf(list);
  }

  /** The variants of {@code layer}'s {@code kernel} over the grid's cuts (those the kernel has) and levels. */
  public static LayerVariants of(String layer, Kernel kernel, List<Cut> cuts, List<Level> levels) {
    return new LayerVariants(layer, kernel, cuts, levels);
  }

  /** The rank {@code level} keeps; a {@code rank} level above the full rank keeps the full rank. */
  static int rankFor(Level level, CutSpectrum s) {
    if (level instanceof Level.Rank r) {
      return Math.min(r.k(), s.fullRank());
    }
    return level.rankFor(s);
  }

  public String layer() {
    return layer;
  }

  public Kernel kernel() {
    return kernel;
  }

  public List<Variant> variants() {
    return variants;
  }

  /** The distinct evaluations the variants need, in first-use order. */
  public List<String> evaluations() {
    return List.copyOf(evaluations.keySet());
  }

  /** The truncated kernel an evaluation scores. */
  public Kernel truncated(String evaluation) {
    Target e = evaluations.get(evaluation);
    if (e == null) {
      throw new IllegalArgumentException("no evaluation '" + evaluation + "' for layer " + layer + "; known: " + evaluations.keySet());
    }
    return svds.svd(e.cut()).truncate(e.rank()).kernel();
  }

  /** How many SVDs were run for this layer so far. */
  public int decompositions() {
    return svds.decompositions();
  }
}
