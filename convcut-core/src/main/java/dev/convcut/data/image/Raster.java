package dev.convcut.data.image;

import java.util.Arrays;

/**
 * An 8-bit image in planar channel-row-column (CHW) layout with 1 (L) or 3 (RGB) channels: the
 * unit that decoding, resizing and the transforms pass along. The pixel array is shared, not
 * copied; treat it as read-only.
 */
public record Raster(int channels, int height, int width, byte[] pixels) {
  public Raster {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 (L) or 3 (RGB), got " + channels);
    }
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("height and width must be >= 1, got " + height + "x" + width);
    }
    if (pixels == null || pixels.length != (long) channels * height * width) {
      throw new IllegalArgumentException("pixels must hold channels*height*width = " + (long) channels * height * width
          + " bytes for " + channels + "x" + height + "x" + width + ", got " + (pixels == null ? "null" : pixels.length));
    }
  }

  /** The value 0..255 at channel c, row y, column x. */
  public int get(int c, int y, int x) {
    return pixels[(c * height + y) * width + x] & 0xFF;
  }

  /** Number of pixels per channel plane. */
  public int planeSize() {
    return height * width;
  }

  /** Whether both rasters have the same shape and the same pixels. */
  public boolean samePixels(Raster other) {
    return channels == other.channels && height == other.height && width == other.width
        && Arrays.equals(pixels, other.pixels);
  }

  @Override
  public String toString() {
    return "Raster[" + channels + "x" + height + "x" + width + "]";
  }
}
