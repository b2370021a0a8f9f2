package dev.convcut.data.image;

/**
 * PIL's {@code Image.convert} between the modes a decoder produces and the ones a model reads:
 * L to RGB replicates the grey level, RGB to L is ITU-R 601-2 luma in PIL's integer form, and
 * CMYK to RGB is PIL's {@code cmyk2rgb} (no ICC profile).
 */
final class ModeConversion {
  private ModeConversion() {}

  /** PIL's L = (R*19595 + G*38470 + B*7471 + 0x8000) >> 16. */
  static int luma(int r, int g, int b) {
    return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
  }

  /** PIL's cmyk2rgb for one component: nk - c*nk/255 (rounded as MULDIV255), nk = 255 - k. */
  static int cmykToRgb(int c, int k) {
    int nk = 255 - k;
    int t = c * nk + 128;
    return nk - (((t >> 8) + t) >> 8);
  }

  /** The raster with the requested number of channels, as PIL's convert("L") or convert("RGB"). */
  static Raster toChannels(Raster in, int channels) {
    if (in.channels() == channels) {
      return in;
    }
    int n = in.planeSize();
    byte[] p = in.pixels();
    if (channels == 3) {
      byte[] out = new byte[3 * n];
      System.arraycopy(p, 0, out, 0, n);
      System.arraycopy(p, 0, out, n, n);
      System.arraycopy(p, 0, out, 2 * n, n);
      return new Raster(3, in.height(), in.width(), out);
    }
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) luma(p[i] & 0xFF, p[n + i] & 0xFF, p[2 * n + i] & 0xFF);
    }
    return new Raster(1, in.height(), in.width(), out);
  }
}
