package dev.convcut.data.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * PNG, BMP, TIFF and GIF through the JDK's ImageIO readers, turned into L or RGB samples as PIL
 * would: palette indices look up the palette's colours (transparency ignored), alpha is dropped
 * (never composited), 16-bit samples keep their high byte, CMYK converts with PIL's formula.
 */
final class ImageIoDecoder {
  private ImageIoDecoder() {}

  static Raster decode(byte[] data, ImageFormat format) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("unsupported format: no ImageIO reader for this " + format + " data");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return toRaster(reader.read(0));
      } finally {
        reader.dispose();
      }
    }
  }

  static Raster toRaster(BufferedImage image) {
    java.awt.image.Raster r = image.getRaster();
    ColorModel cm = image.getColorModel();
    int h = r.getHeight();
    int w = r.getWidth();
    int n = h * w;
    if (cm instanceof IndexColorModel icm) {
      return palette(r, icm);
    }
    int colours = cm.getColorSpace().getNumComponents();
    if (colours == 1) {
      byte[] grey = new byte[n];
      RasterSamples.copyBand(r, 0, grey, 0);
      return new Raster(1, h, w, grey);
    }
    if (colours == 3) {
      byte[] rgb = new byte[3 * n];
      for (int b = 0; b < 3; b++) {
        RasterSamples.copyBand(r, b, rgb, b * n);
      }
      return new Raster(3, h, w, rgb);
    }
    if (colours == 4) {
      byte[] cmyk = new byte[4 * n];
      for (int b = 0; b < 4; b++) {
        RasterSamples.copyBand(r, b, cmyk, b * n);
      }
      byte[] rgb = new byte[3 * n];
      for (int i = 0; i < n; i++) {
        int k = cmyk[3 * n + i] & 0xFF;
        for (int c = 0; c < 3; c++) {
          rgb[c * n + i] = (byte) ModeConversion.cmykToRgb(cmyk[c * n + i] & 0xFF, k);
        }
      }
      return new Raster(3, h, w, rgb);
    }
    throw new IllegalArgumentException("unsupported colour space with " + colours + " components");
  }

  private static Raster palette(java.awt.image.Raster r, IndexColorModel icm) {
    int h = r.getHeight();
    int w = r.getWidth();
    int n = h * w;
    int size = icm.getMapSize();
    byte[] red = new byte[size];
    byte[] green = new byte[size];
    byte[] blue = new byte[size];
    icm.getReds(red);
    icm.getGreens(green);
    icm.getBlues(blue);
    boolean grey = true;
    for (int i = 0; i < size && grey; i++) {
      grey = red[i] == green[i] && green[i] == blue[i];
    }
    byte[] out = new byte[(grey ? 1 : 3) * n];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        // An index beyond the palette reads as black, as PIL's zero-filled palette does.
        int idx = row[x] < size ? row[x] : -1;
        int o = y * w + x;
        out[o] = idx < 0 ? 0 : red[idx];
        if (!grey) {
          out[n + o] = idx < 0 ? 0 : green[idx];
          out[2 * n + o] = idx < 0 ? 0 : blue[idx];
        }
      }
    }
    return new Raster(grey ? 1 : 3, h, w, out);
  }
}
