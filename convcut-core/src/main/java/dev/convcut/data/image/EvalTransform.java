package dev.convcut.data.image;

/**
 * torchvision's evaluation transform on PIL images, {@code Resize(resize)} then
 * {@code CenterCrop(crop)}, bit for bit: the shorter side becomes {@code resize} and the longer
 * int(resize * long / short) (no resampling when the size is already that), then the centred
 * crop at offsets int(round((size - crop) / 2.0)) with half-to-even rounding, padding with zeros
 * where the crop is larger than the image. {@code resize} 0 means no resize.
 */
public record EvalTransform(int resize, int crop) {
  public EvalTransform {
    if (resize < 0) {
      throw new IllegalArgumentException("resize must be >= 0 (0 = no resize), got " + resize);
    }
    if (crop < 1) {
      throw new IllegalArgumentException("crop must be >= 1, got " + crop);
    }
  }

  public Raster apply(Raster in) {
    Raster r = in;
    if (resize > 0) {
      int[] size = resizedSize(in.height(), in.width(), resize);
      if (size[0] != in.height() || size[1] != in.width()) {
        if (crop <= size[0] && crop <= size[1]) {
          // Only the centre window of the resized image is kept: compute just that.
          return Resample.resizeWindow(in, size[0], size[1], (int) Math.rint((size[0] - crop) / 2.0),
              (int) Math.rint((size[1] - crop) / 2.0), crop, crop);
        }
        r = Resample.resize(in, size[0], size[1]);
      }
    }
    return centerCrop(r, crop, crop);
  }

  /** torchvision's _compute_resized_output_size for one size: {height, width}. */
  static int[] resizedSize(int height, int width, int shorter) {
    int small = Math.min(height, width);
    int large = Math.max(height, width);
    int longer = (int) ((double) ((long) shorter * large) / small);
    return width <= height ? new int[] {longer, shorter} : new int[] {shorter, longer};
  }

  /** torchvision's center_crop: zero padding first where the crop is larger, then the centred window. */
  static Raster centerCrop(Raster in, int cropHeight, int cropWidth) {
    Raster r = in;
    if (cropWidth > in.width() || cropHeight > in.height()) {
      int left = cropWidth > in.width() ? (cropWidth - in.width()) / 2 : 0;
      int top = cropHeight > in.height() ? (cropHeight - in.height()) / 2 : 0;
      int right = cropWidth > in.width() ? (cropWidth - in.width() + 1) / 2 : 0;
      int bottom = cropHeight > in.height() ? (cropHeight - in.height() + 1) / 2 : 0;
      r = pad(in, top, left, in.height() + top + bottom, in.width() + left + right);
      if (r.height() == cropHeight && r.width() == cropWidth) {
        return r;
      }
    }
    int top = (int) Math.rint((r.height() - cropHeight) / 2.0);
    int left = (int) Math.rint((r.width() - cropWidth) / 2.0);
    return Resample.crop(r, top, left, cropHeight, cropWidth);
  }

  private static Raster pad(Raster in, int top, int left, int height, int width) {
    byte[] out = new byte[in.channels() * height * width];
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < in.height(); y++) {
        System.arraycopy(in.pixels(), (c * in.height() + y) * in.width(), out, (c * height + top + y) * width + left,
            in.width());
      }
    }
    return new Raster(in.channels(), height, width, out);
  }
}
