package dev.convcut.data.image;

/**
 * Pillow's {@code Image.resize(size, Image.BILINEAR, box)} on 8-bit images, bit for bit: a
 * separable triangle filter widened by the downscale factor (antialiasing), the horizontal pass
 * over the rows the vertical pass needs, then the vertical pass, with 22-bit fixed-point
 * weights and the intermediate clipped to 8 bits, as in Pillow's libImaging/Resample.c. The box
 * is the source region in pixel coordinates, rounded to float as Pillow does.
 */
public final class Resample {
  private Resample() {}

  /** The whole image resized to outHeight x outWidth. */
  public static Raster resize(Raster in, int outHeight, int outWidth) {
    return resize(in, 0, 0, in.width(), in.height(), outHeight, outWidth);
  }

  /** The region [left, right) x [top, bottom) of the image resized to outHeight x outWidth. */
  public static Raster resize(Raster in, double left, double top, double right, double bottom, int outHeight,
      int outWidth) {
    if (outHeight < 1 || outWidth < 1) {
      throw new IllegalArgumentException("output size must be at least 1x1, got " + outHeight + "x" + outWidth);
    }
    float x0 = (float) left;
    float y0 = (float) top;
    float x1 = (float) right;
    float y1 = (float) bottom;
    if (!(x0 >= 0 && y0 >= 0 && x1 <= in.width() && y1 <= in.height() && x1 - x0 >= 0 && y1 - y0 >= 0)) {
      throw new IllegalArgumentException("box (" + left + ", " + top + ", " + right + ", " + bottom
          + ") must lie inside the " + in.width() + "x" + in.height() + " image with left <= right, top <= bottom");
    }
    if (left == 0 && top == 0 && right == in.width() && bottom == in.height()
        && outHeight == in.height() && outWidth == in.width()) {
      return in;
    }
    if (x0 == (int) x0 && y0 == (int) y0 && x1 - x0 == outWidth && y1 - y0 == outHeight) {
      return crop(in, (int) y0, (int) x0, outHeight, outWidth);
    }
    return window(in, x0, y0, x1, y1, outHeight, outWidth, 0, 0, outHeight, outWidth);
  }

  /**
   * The window [top, top + height) x [left, left + width) of the whole image resized to
   * outHeight x outWidth, computed alone: {@code crop(resize(in, outHeight, outWidth), ...)} bit
   * for bit (each output pixel depends only on its own weights), at the cost of the window's
   * pixels and the rows they read. A centre crop after a resize needs no more.
   */
  public static Raster resizeWindow(Raster in, int outHeight, int outWidth, int top, int left, int height, int width) {
    if (top < 0 || left < 0 || height < 1 || width < 1 || top + height > outHeight || left + width > outWidth) {
      throw new IllegalArgumentException("window " + height + "x" + width + " at (" + top + ", " + left + ") must lie inside the "
          + outHeight + "x" + outWidth + " output");
    }
    if (outHeight == in.height() && outWidth == in.width()) {
      return crop(in, top, left, height, width);
    }
    return window(in, 0, 0, in.width(), in.height(), outHeight, outWidth, top, left, height, width);
  }

  private static Raster window(Raster in, float x0, float y0, float x1, float y1, int outHeight, int outWidth, int top, int left,
      int height, int width) {
    boolean horizontal = outWidth != in.width() || x0 != 0 || x1 != outWidth;
    boolean vertical = outHeight != in.height() || y0 != 0 || y1 != outHeight;
    Coefficients cx = Coefficients.of(in.width(), x0, x1, outWidth);
    Coefficients cy = Coefficients.of(in.height(), y0, y1, outHeight);
    if (!horizontal && !vertical) {
      return crop(in, top, left, height, width);
    }
    // The intermediate holds 8-bit values (clipped, as Pillow's) in ints, so the vertical pass vectorizes.
    int firstRow = vertical ? cy.first()[top] : top;
    int rows = vertical ? cy.first()[top + height - 1] + cy.count()[top + height - 1] - firstRow : height;
    int[] mid = horizontal ? horizontal(in, cx, firstRow, rows, left, width) : widen(in, firstRow, rows, left, width);
    if (!vertical) {
      byte[] out = new byte[mid.length];
      for (int i = 0; i < mid.length; i++) {
        out[i] = (byte) mid[i];
      }
      return new Raster(in.channels(), height, width, out);
    }
    return new Raster(in.channels(), height, width, vertical(mid, in.channels(), rows, width, cy, firstRow, top, height));
  }

  /** Rows [top, top + height) and columns [left, left + width) of the image. */
  static Raster crop(Raster in, int top, int left, int height, int width) {
    byte[] out = new byte[in.channels() * height * width];
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < height; y++) {
        System.arraycopy(in.pixels(), (c * in.height() + top + y) * in.width() + left, out, (c * height + y) * width,
            width);
      }
    }
    return new Raster(in.channels(), height, width, out);
  }

  /**
   * Output columns [from, from + outWidth) of rows [firstRow, firstRow + rows), channel by
   * channel: the needed columns are transposed into ints first, so each output column is a sum of
   * whole source columns (a loop the JIT vectorizes); the sums are Pillow's, term for term.
   */
  private static int[] horizontal(Raster in, Coefficients k, int firstRow, int rows, int from, int outWidth) {
    byte[] src = in.pixels();
    int[] w = k.weights();
    int[] first = k.first();
    int[] count = k.count();
    int size = k.size();
    int x0 = first[from];
    int x1 = x0;
    for (int j = 0; j < outWidth; j++) {
      x1 = Math.max(x1, first[from + j] + count[from + j]);
    }
    int[] out = new int[in.channels() * rows * outWidth];
    int[] columns = new int[Math.max(1, (x1 - x0) * rows)];
    int[] sums = new int[rows];
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < rows; y++) {
        int row = (c * in.height() + firstRow + y) * in.width();
        for (int x = x0; x < x1; x++) {
          columns[(x - x0) * rows + y] = src[row + x] & 0xFF;
        }
      }
      int plane = c * rows * outWidth;
      for (int j = 0; j < outWidth; j++) {
        int xx = from + j;
        java.util.Arrays.fill(sums, 1 << (Coefficients.PRECISION_BITS - 1));
        for (int t = 0, n = count[xx]; t < n; t++) {
          int base = (first[xx] + t - x0) * rows;
          int weight = w[xx * size + t];
          for (int y = 0; y < rows; y++) {
            sums[y] += columns[base + y] * weight;
          }
        }
        for (int y = 0; y < rows; y++) {
          out[plane + y * outWidth + j] = Coefficients.clip8(sums[y]);
        }
      }
    }
    return out;
  }

  /** Rows [firstRow, firstRow + rows) and columns [left, left + width) as ints, for a vertical pass alone. */
  private static int[] widen(Raster in, int firstRow, int rows, int left, int width) {
    int[] out = new int[in.channels() * rows * width];
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < rows; y++) {
        int s = (c * in.height() + firstRow + y) * in.width() + left;
        int o = (c * rows + y) * width;
        for (int x = 0; x < width; x++) {
          out[o + x] = in.pixels()[s + x] & 0xFF;
        }
      }
    }
    return out;
  }

  /** Output rows [from, from + outHeight) of {@code mid} (rows x width per channel; its row 0 is the source's row {@code rowShift}). */
  private static byte[] vertical(int[] mid, int channels, int rows, int width, Coefficients k, int rowShift, int from, int outHeight) {
    byte[] out = new byte[channels * outHeight * width];
    int[] w = k.weights();
    int[] sums = new int[width];
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < outHeight; i++) {
        int yy = from + i;
        java.util.Arrays.fill(sums, 1 << (Coefficients.PRECISION_BITS - 1));
        int kw = yy * k.size();
        int top = k.first()[yy] - rowShift;
        for (int y = 0, n = k.count()[yy]; y < n; y++) {
          int row = (c * rows + top + y) * width;
          int weight = w[kw + y];
          for (int x = 0; x < width; x++) {
            sums[x] += mid[row + x] * weight;
          }
        }
        int o = (c * outHeight + i) * width;
        for (int x = 0; x < width; x++) {
          out[o + x] = (byte) Coefficients.clip8(sums[x]);
        }
      }
    }
    return out;
  }
}
