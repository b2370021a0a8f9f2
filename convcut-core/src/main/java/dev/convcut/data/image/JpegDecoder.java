package dev.convcut.data.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * JPEG to L or RGB as PIL (libjpeg-turbo) gives them: TwelveMonkeys' reader returns the raw
 * decoded components ({@code readRaster}: no colour management, so an embedded ICC profile is
 * ignored as PIL ignores it), converted here with libjpeg's YCbCr formula or PIL's CMYK one
 * (YCCK and CMYK with Adobe inverted polarity). One path for every colour space; reading via
 * {@code read()} measured only ~5% faster (docs/image-decoding-notes.md).
 */
final class JpegDecoder {
  /**
   * TwelveMonkeys' provider as ImageIO registered it (registration links it to the JDK reader it
   * delegates entropy decoding to); a fresh reader per call keeps decoding thread-safe.
   */
  static final ImageReaderSpi SPI = registered();

  private JpegDecoder() {}

  private static ImageReaderSpi registered() {
    Iterator<ImageReaderSpi> it = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class,
        spi -> spi instanceof JPEGImageReaderSpi, true);
    if (!it.hasNext()) {
      throw new IllegalStateException("TwelveMonkeys' JPEG reader is not registered with ImageIO (imageio-jpeg missing "
          + "from the class path?)");
    }
    return it.next();
  }

  static Raster decode(byte[] data) throws IOException {
    JpegHeader header = JpegHeader.parse(data);
    JpegHeader.Space space = header.space();
    if (!header.hasEndMarker()) {
      throw new IOException("truncated JPEG data: no end-of-image marker after the scan data");
    }
    return toRaster(readRaw(SPI, data), space);
  }

  /** The decoded components, upsampled, without colour conversion. */
  static java.awt.image.Raster readRaw(ImageReaderSpi spi, byte[] data) throws IOException {
    return read(spi, data, r -> r.readRaster(0, null));
  }

  interface Read<T> {
    T apply(ImageReader reader) throws IOException;
  }

  /** Runs one read with a fresh reader; truncation warnings become errors. */
  static <T> T read(ImageReaderSpi spi, byte[] data, Read<T> how) throws IOException {
    ImageReader reader = spi.createReaderInstance();
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      reader.setInput(in, true, true);
      T result = how.apply(reader);
      for (String w : warnings) {
        if (w.contains("Premature end")) {
          throw new IOException("truncated JPEG data (" + w + ")");
        }
      }
      return result;
    } finally {
      reader.dispose();
    }
  }

  static Raster toRaster(java.awt.image.Raster raw, JpegHeader.Space space) {
    if (space == JpegHeader.Space.YCBCR && raw.getSampleModel() instanceof PixelInterleavedSampleModel sm
        && raw.getDataBuffer() instanceof DataBufferByte db && sm.getPixelStride() == 3 && raw.getParent() == null
        && java.util.Arrays.equals(sm.getBandOffsets(), new int[] {0, 1, 2})) {
      return interleavedYcc(raw.getHeight(), raw.getWidth(), db.getData(), db.getOffset(), sm.getScanlineStride());
    }
    int h = raw.getHeight();
    int w = raw.getWidth();
    int n = h * w;
    int bands = raw.getNumBands();
    byte[] comp = new byte[bands * n];
    for (int b = 0; b < bands; b++) {
      RasterSamples.copyBand(raw, b, comp, b * n);
    }
    if (space == JpegHeader.Space.GRAY) {
      return new Raster(1, h, w, comp);
    }
    if (space == JpegHeader.Space.RGB) {
      return new Raster(3, h, w, comp);
    }
    byte[] rgb = space == JpegHeader.Space.CMYK || space == JpegHeader.Space.YCCK ? new byte[3 * n] : comp;
    for (int i = 0; i < n; i++) {
      int c0 = comp[i] & 0xFF;
      int c1 = comp[n + i] & 0xFF;
      int c2 = comp[2 * n + i] & 0xFF;
      int r;
      int g;
      int b;
      if (space == JpegHeader.Space.CMYK) {
        // PIL reads CMYK as Adobe-inverted ("CMYK;I"): C = 255 - stored.
        r = 255 - c0;
        g = 255 - c1;
        b = 255 - c2;
      } else {
        r = YccTables.red(c0, c2) & 0xFF;
        g = YccTables.green(c0, c1, c2) & 0xFF;
        b = YccTables.blue(c0, c1) & 0xFF;
      }
      if (space == JpegHeader.Space.YCBCR) {
        rgb[i] = (byte) r;
        rgb[n + i] = (byte) g;
        rgb[2 * n + i] = (byte) b;
      } else {
        // CMYK (YCCK decodes to C = R): PIL's K = 255 - stored K, its nk = stored K.
        int k = 255 - (comp[3 * n + i] & 0xFF);
        rgb[i] = (byte) ModeConversion.cmykToRgb(r, k);
        rgb[n + i] = (byte) ModeConversion.cmykToRgb(g, k);
        rgb[2 * n + i] = (byte) ModeConversion.cmykToRgb(b, k);
      }
    }
    return new Raster(3, h, w, rgb);
  }

  /** The common case in one pass: interleaved Y, Cb, Cr bytes straight to RGB planes. */
  private static Raster interleavedYcc(int h, int w, byte[] src, int offset, int line) {
    int n = h * w;
    byte[] rgb = new byte[3 * n];
    for (int y = 0; y < h; y++) {
      int s = offset + y * line;
      int o = y * w;
      for (int x = 0; x < w; x++, s += 3, o++) {
        int luma = src[s] & 0xFF;
        int cb = src[s + 1] & 0xFF;
        int cr = src[s + 2] & 0xFF;
        rgb[o] = YccTables.red(luma, cr);
        rgb[n + o] = YccTables.green(luma, cb, cr);
        rgb[2 * n + o] = YccTables.blue(luma, cb);
      }
    }
    return new Raster(3, h, w, rgb);
  }
}
