package dev.convcut;

/**
 * One root seed split deterministically per purpose (data order, initialization, augmentation,
 * evaluation subset), so that the same root seed gives the same numbers on the same machine and
 * changing how one purpose draws never shifts another.
 */
public record Seeds(long root) {

  /** The seed for one named purpose: a SplitMix64 mix of the root and the purpose's name. */
  public long forPurpose(String purpose) {
    long h = root;
    for (int i = 0; i < purpose.length(); i++) {
      h = mix(h ^ purpose.charAt(i));
    }
    return mix(h + 0x9E3779B97F4A7C15L);
  }

  /** The seed for one named purpose and an index within it (an epoch, a layer). */
  public long forPurpose(String purpose, long index) {
    return mix(forPurpose(purpose) ^ mix(index));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
