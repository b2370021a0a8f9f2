package dev.convcut.data.image;

import java.io.IOException;

/**
 * PBM, PGM and PPM (P1 to P6) as PIL reads them: bitmaps give black 0 and white 255, samples
 * with a maximum other than 255 scale as round(v / maxval * 255) with half-to-even rounding
 * (PIL's own rule for 8-bit modes, applied here to 16-bit PGM too; PIL clips those instead).
 */
final class PnmDecoder {
  private final byte[] d;
  private int p = 2;

  private PnmDecoder(byte[] data) {
    this.d = data;
  }

  static Raster decode(byte[] data) throws IOException {
    return new PnmDecoder(data).read();
  }

  private Raster read() throws IOException {
    int kind = d[1] - '0';
    int width = headerInt("width");
    int height = headerInt("height");
    int maxval = kind == 1 || kind == 4 ? 1 : headerInt("maxval");
    if (width < 1 || height < 1) {
      throw new IOException("PNM size must be at least 1x1, got " + width + "x" + height);
    }
    if (maxval < 1 || maxval > 65535) {
      throw new IOException("PNM maxval must be in 1..65535, got " + maxval);
    }
    p++; // the single whitespace byte after the header
    int channels = kind == 3 || kind == 6 ? 3 : 1;
    int n = width * height;
    byte[] out = new byte[channels * n];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < channels; c++) {
          out[c * n + y * width + x] = (byte) sample(kind, maxval, width, y, x);
        }
      }
    }
    return new Raster(channels, height, width, out);
  }

  private int sample(int kind, int maxval, int width, int y, int x) throws IOException {
    if (kind == 4) {
      int at = p + y * ((width + 7) / 8) + x / 8;
      need(at + 1);
      return ((d[at] >> (7 - x % 8)) & 1) == 1 ? 0 : 255;
    }
    if (kind == 1) {
      skipSpace();
      need(p + 1);
      return d[p++] == '1' ? 0 : 255;
    }
    int v;
    if (kind <= 3) {
      v = headerInt("sample");
    } else if (maxval < 256) {
      need(p + 1);
      v = d[p++] & 0xFF;
    } else {
      need(p + 2);
      v = ((d[p] & 0xFF) << 8) | (d[p + 1] & 0xFF);
      p += 2;
    }
    if (v > maxval) {
      throw new IOException("PNM sample " + v + " exceeds maxval " + maxval);
    }
    return maxval == 255 ? v : (int) Math.min(255, Math.rint((double) v / maxval * 255));
  }

  private void need(int end) throws IOException {
    if (end > d.length) {
      throw new IOException("truncated PNM data: " + d.length + " bytes, pixel data needs more");
    }
  }

  private void skipSpace() {
    while (p < d.length && (Character.isWhitespace(d[p]) || d[p] == '#')) {
      if (d[p] == '#') {
        while (p < d.length && d[p] != '\n' && d[p] != '\r') {
          p++;
        }
      } else {
        p++;
      }
    }
  }

  private int headerInt(String what) throws IOException {
    skipSpace();
    long v = 0;
    int start = p;
    while (p < d.length && d[p] >= '0' && d[p] <= '9' && v <= Integer.MAX_VALUE) {
      v = v * 10 + (d[p++] - '0');
    }
    if (p == start || v > Integer.MAX_VALUE) {
      throw new IOException("corrupt PNM data: no valid " + what + " at byte " + start);
    }
    return (int) v;
  }
}
