package dev.convcut.data.image;

/**
 * libjpeg's integer YCbCr to RGB conversion (jdcolor.c: 16-bit fixed point, tables per
 * chroma value), applied here because the decoder returns the raw components: this way no
 * ImageIO colour management (ICC profiles) touches the pixels, as in PIL.
 */
final class YccTables {
  private static final int SCALEBITS = 16;
  private static final int ONE_HALF = 1 << (SCALEBITS - 1);
  private static final int[] CR_R = new int[256];
  private static final int[] CB_B = new int[256];
  private static final int[] CR_G = new int[256];
  private static final int[] CB_G = new int[256];
  /** libjpeg's range_limit: index v + 384 gives v clamped to 0..255. */
  private static final byte[] LIMIT = new byte[1024];

  static {
    for (int i = 0; i < 256; i++) {
      int x = i - 128;
      CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALEBITS;
      CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALEBITS;
      CR_G[i] = -fix(0.71414) * x;
      CB_G[i] = -fix(0.34414) * x + ONE_HALF;
    }
    for (int i = 0; i < LIMIT.length; i++) {
      LIMIT[i] = (byte) clamp(i - 384);
    }
  }

  private YccTables() {}

  private static int fix(double v) {
    return (int) (v * (1 << SCALEBITS) + 0.5);
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }

  static byte red(int y, int cr) {
    return LIMIT[y + CR_R[cr] + 384];
  }

  static byte green(int y, int cb, int cr) {
    return LIMIT[y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS) + 384];
  }

  static byte blue(int y, int cb) {
    return LIMIT[y + CB_B[cb] + 384];
  }
}
