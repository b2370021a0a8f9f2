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
    boolean horizontal = outWidth != in.width() || x0 != 0 || x1 != outWidth;
    boolean vertical = outHeight != in.height() || y0 != 0 || y1 != outHeight;
    Coefficients cx = Coefficients.of(in.width(), x0, x1, outWidth);
    Coefficients cy = Coefficients.of(in.height(), y0, y1, outHeight);
    Raster out = in;
    int rowShift = 0;
    if (horizontal) {
      int firstRow = cy.first()[0];
      int lastRow = cy.first()[outHeight - 1] + cy.count()[outHeight - 1];
      out = horizontal(in, cx, firstRow, lastRow - firstRow, outWidth);
      rowShift = firstRow;
    }
    if (vertical) {
      out = vertical(out, cy, rowShift, outHeight);
    }
    return out == in ? new Raster(in.channels(), in.height(), in.width(), in.pixels().clone()) : out;
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

  private static Raster horizontal(Raster in, Coefficients k, int firstRow, int rows, int outWidth) {
    byte[] src = in.pixels();
    byte[] out = new byte[in.channels() * rows * outWidth];
    int[] w = k.weights();
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < rows; y++) {
        int row = (c * in.height() + firstRow + y) * in.width();
        int o = (c * rows + y) * outWidth;
        for (int xx = 0; xx < outWidth; xx++) {
          int s = row + k.first()[xx];
          int kw = xx * k.size();
          int sum = 1 << (Coefficients.PRECISION_BITS - 1);
          for (int x = 0, n = k.count()[xx]; x < n; x++) {
            sum += (src[s + x] & 0xFF) * w[kw + x];
          }
          out[o + xx] = (byte) Coefficients.clip8(sum);
        }
      }
    }
    return new Raster(in.channels(), rows, outWidth, out);
  }

  private static Raster vertical(Raster in, Coefficients k, int rowShift, int outHeight) {
    byte[] src = in.pixels();
    int width = in.width();
    byte[] out = new byte[in.channels() * outHeight * width];
    int[] w = k.weights();
    int[] sums = new int[width];
    for (int c = 0; c < in.channels(); c++) {
      for (int yy = 0; yy < outHeight; yy++) {
        java.util.Arrays.fill(sums, 1 << (Coefficients.PRECISION_BITS - 1));
        int kw = yy * k.size();
        int top = k.first()[yy] - rowShift;
        for (int y = 0, n = k.count()[yy]; y < n; y++) {
          int row = (c * in.height() + top + y) * width;
          int weight = w[kw + y];
          for (int x = 0; x < width; x++) {
            sums[x] += (src[row + x] & 0xFF) * weight;
          }
        }
        int o = (c * outHeight + yy) * width;
        for (int x = 0; x < width; x++) {
          out[o + x] = (byte) Coefficients.clip8(sums[x]);
        }
      }
    }
    return new Raster(in.channels(), outHeight, width, out);
  }
}
