package dev.convcut.data.image;

import java.util.SplittableRandom;

/**
 * torchvision's training transform {@code RandomResizedCrop(crop, scale, ratio)} then
 * {@code RandomHorizontalFlip(0.5)} on PIL images: the crop box is drawn with torchvision's
 * get_params algorithm, cut out, resized to crop x crop with Pillow's bilinear filter
 * ({@link Resample}), and mirrored with probability one half. Random numbers come from the
 * caller's generator in this order: per attempt (at most 10) nextDouble for the area scale,
 * nextDouble for the log aspect ratio, and, on the accepted attempt, nextInt for the top then
 * nextInt for the left offset; finally one nextDouble, below 0.5 meaning flip. The same
 * generator state gives the same output.
 */
public record TrainTransform(int crop, double minScale, double maxScale, double minRatio, double maxRatio) {
  private static final int ATTEMPTS = 10;

  public TrainTransform {
    if (crop < 1) {
      throw new IllegalArgumentException("crop must be >= 1, got " + crop);
    }
    if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
      throw new IllegalArgumentException("scale range must satisfy 0 < min <= max <= 1, got " + minScale + ".." + maxScale);
    }
    if (!(minRatio > 0 && minRatio <= maxRatio && Double.isFinite(maxRatio))) {
      throw new IllegalArgumentException("ratio range must satisfy 0 < min <= max, got " + minRatio + ".." + maxRatio);
    }
  }

  /** torchvision's defaults: scale (0.08, 1), ratio (3/4, 4/3). */
  public static TrainTransform standard(int crop) {
    return new TrainTransform(crop, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
  }

  /** A crop window in source pixels: rows [top, top + height), columns [left, left + width). */
  public record Box(int top, int left, int height, int width) {}

  public Raster apply(Raster in, SplittableRandom random) {
    Box b = box(in.height(), in.width(), random);
    Raster cut = Resample.crop(in, b.top(), b.left(), b.height(), b.width());
    Raster out = Resample.resize(cut, crop, crop);
    return random.nextDouble() < 0.5 ? flip(out) : out;
  }

  /** The crop window of torchvision's RandomResizedCrop.get_params for an image of this size. */
  public Box box(int height, int width, SplittableRandom random) {
    double area = (double) height * width;
    double logMin = Math.log(minRatio);
    double logMax = Math.log(maxRatio);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double target = area * (minScale + (maxScale - minScale) * random.nextDouble());
      double ratio = Math.exp(logMin + (logMax - logMin) * random.nextDouble());
      int w = (int) Math.rint(Math.sqrt(target * ratio));
      int h = (int) Math.rint(Math.sqrt(target / ratio));
      if (w > 0 && w <= width && h > 0 && h <= height) {
        int top = random.nextInt(height - h + 1);
        int left = random.nextInt(width - w + 1);
        return new Box(top, left, h, w);
      }
    }
    double inRatio = (double) width / height;
    int w = width;
    int h = height;
    if (inRatio < minRatio) {
      h = (int) Math.rint(width / minRatio);
    } else if (inRatio > maxRatio) {
      w = (int) Math.rint(height * maxRatio);
    }
    return new Box((height - h) / 2, (width - w) / 2, h, w);
  }

  static Raster flip(Raster in) {
    byte[] src = in.pixels();
    byte[] out = new byte[src.length];
    int w = in.width();
    for (int row = 0; row < in.channels() * in.height(); row++) {
      int o = row * w;
      for (int x = 0; x < w; x++) {
        out[o + x] = src[o + w - 1 - x];
      }
    }
    return new Raster(in.channels(), in.height(), w, out);
  }
}
