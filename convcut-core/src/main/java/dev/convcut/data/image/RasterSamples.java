package dev.convcut.data.image;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.SampleModel;

/**
 * Copies one band of an AWT raster into an 8-bit plane, reading the data buffer directly for
 * the interleaved byte and 16-bit layouts decoders produce (no per-pixel colour model calls),
 * and through {@code getSamples} row by row otherwise. Samples wider or narrower than 8 bits are
 * scaled as PIL's unpackers do: 16-bit keeps the high byte, 1/2/4-bit multiply up exactly.
 */
final class RasterSamples {
  private RasterSamples() {}

  static void copyBand(java.awt.image.Raster r, int band, byte[] dst, int dstOffset) {
    int w = r.getWidth();
    int h = r.getHeight();
    SampleModel sm = r.getSampleModel();
    int bits = sm.getSampleSize(band);
    DataBuffer db = r.getDataBuffer();
    if (sm instanceof ComponentSampleModel csm && (bits == 8 || bits == 16)
        && (db instanceof DataBufferByte || db instanceof DataBufferUShort)) {
      int bank = csm.getBankIndices()[band];
      int base = db.getOffsets()[bank] + csm.getBandOffsets()[band]
          + (r.getMinY() - r.getSampleModelTranslateY()) * csm.getScanlineStride()
          + (r.getMinX() - r.getSampleModelTranslateX()) * csm.getPixelStride();
      int stride = csm.getPixelStride();
      int line = csm.getScanlineStride();
      if (db instanceof DataBufferByte bytes) {
        byte[] src = bytes.getData(bank);
        for (int y = 0; y < h; y++) {
          int s = base + y * line;
          int o = dstOffset + y * w;
          if (stride == 1) {
            System.arraycopy(src, s, dst, o, w);
          } else {
            for (int x = 0; x < w; x++, s += stride) {
              dst[o + x] = src[s];
            }
          }
        }
        return;
      }
      short[] src = ((DataBufferUShort) db).getData(bank);
      for (int y = 0; y < h; y++) {
        int s = base + y * line;
        int o = dstOffset + y * w;
        for (int x = 0; x < w; x++, s += stride) {
          dst[o + x] = (byte) (bits == 16 ? (src[s] & 0xFFFF) >> 8 : src[s]);
        }
      }
      return;
    }
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, band, row);
      int o = dstOffset + y * w;
      for (int x = 0; x < w; x++) {
        dst[o + x] = (byte) to8(row[x], bits);
      }
    }
  }

  /** A sample of the given width as 0..255: PIL keeps the high byte of wide samples and scales narrow ones with integer division. */
  static int to8(int v, int bits) {
    if (bits == 8) {
      return v;
    }
    if (bits > 8) {
      return v >>> (bits - 8);
    }
    return v * 255 / ((1 << bits) - 1);
  }
}
