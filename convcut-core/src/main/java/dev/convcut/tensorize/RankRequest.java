package dev.convcut.tensorize;

import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.tensor.Level;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which ranks to factorize at: explicit ranks ({@code 8}, or one per bond: {@code
 * 8,16} for Tucker-2's {@code r_o,r_i}, {@code 4,8,8} for a tensor train's {@code
 * r₁,r₂,r₃}; one number means every bond), or a {@link Level} ({@code keep=f}, {@code loss=η},
 * {@code tol=τ}) applied to each bond's spectrum. docs/compress.md gives the rule per method.
 *
 * @param ranks explicit ranks, or null with a level
 * @param level the level, or null with explicit ranks
 */
public record RankRequest(List<Integer> ranks, Level level) {
  public RankRequest {
    if ((ranks == null) == (level == null)) {
      throw new IllegalArgumentException("give either explicit ranks or a level (keep, loss, tol), not both or neither");
    }
    if (ranks != null) {
      ranks = List.copyOf(ranks);
      if (ranks.isEmpty()) {
        throw new InvalidSettingException(Setting.RANK, ranks, " needs at least one number");
      }
      for (int r : ranks) {
        if (r < 1) {
          throw new IllegalArgumentException("ranks must be >= 1, got " + r);
        }
      }
    }
    if (level instanceof Level.Rank r) {
      ranks = List.of(r.k());
      level = null;
    }
  }

  public static RankRequest ranks(int... ranks) {
    return new RankRequest(java.util.Arrays.stream(ranks).boxed().toList(), null);
  }

  public static RankRequest level(Level level) {
    return new RankRequest(null, level);
  }

  /** Explicit ranks for a method with {@code bonds} ranks: one number repeated, or exactly one per bond. */
  public int[] ranksFor(Method method) {
    int bonds = method.rankCount();
    if (ranks.size() == 1) {
      int[] r = new int[bonds];
      java.util.Arrays.fill(r, ranks.get(0));
      return r;
    }
    if (ranks.size() != bonds) {
      throw new IllegalArgumentException(method + " takes " + (bonds == 1 ? "one rank" : "one rank or " + bonds + " ranks ("
          + method.decomposition().rankNames() + ")") + ", got " + ranks.size() + ": " + this);
    }
    return ranks.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return ranks != null ? "rank" + ranks.stream().map(String::valueOf).collect(Collectors.joining(",")) : level.toString();
  }
}
