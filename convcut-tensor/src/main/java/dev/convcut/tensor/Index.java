package dev.convcut.tensor;

/** The four indices of a convolution kernel {@code W[o,i,h,w]}, in storage order. */
public enum Index {
  /** Output channels. */
  O('o'),
  /** Input channels (per group). */
  I('i'),
  /** Kernel rows. */
  H('h'),
  /** Kernel columns. */
  W('w');

  private final char letter;

  Index(char letter) {
    this.letter = letter;
  }

  /** The letter used in cut names: o, i, h or w. */
  public char letter() {
    return letter;
  }

  /** Bit {@code ordinal()} — cuts describe their groups as masks of these. */
  int bit() {
    return 1 << ordinal();
  }

  /** The index named by {@code letter}, or {@code null} if it names none. */
  public static Index ofLetter(char letter) {
    for (Index x : values()) {
      if (x.letter == letter) {
        return x;
      }
    }
    return null;
  }
}
