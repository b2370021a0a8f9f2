package dev.convcut.tensor;

/**
 * How strongly a cut correlates its two groups, from the singular values with {@code p_j = s_j² /
 * Σ s²}: the entanglement entropy {@code S = −Σ p_j ln p_j} (nats), the Rényi-2 entropy {@code S₂ =
 * −ln Σ p_j²}, the effective rank {@code exp(S)}, and the normalized entropy {@code S / ln r}. A
 * zero matrix, which has no distribution, gets 0 for all four (its rank is 0); a cut of full rank
 * 1 has normalized entropy 0.
 */
public record Entropies(double entropy, double renyi2, double effectiveRank, double normalizedEntropy) {

  /** The entropies of a descending spectrum {@code s} of full rank {@code s.length}. */
  public static Entropies of(double[] s) {
    if (s.length == 0 || s[0] == 0) {
      return new Entropies(0, 0, 0, 0);
    }
    // Work relative to s₁ so that 1e-200 and 1e200 kernels neither underflow nor overflow.
    double total = 0;
    for (double v : s) {
      double x = v / s[0];
      total += x * x;
    }
    double entropy = 0;
    double purity = 0;
    for (double v : s) {
      double x = v / s[0];
      double p = x * x / total;
      if (p > 0) {
        entropy -= p * Math.log(p);
      }
      purity += p * p;
    }
    entropy = Math.max(0, entropy);
    double normalized = s.length > 1 ? entropy / Math.log(s.length) : 0;
    return new Entropies(entropy, Math.max(0, -Math.log(purity)), Math.exp(entropy), normalized);
  }
}
