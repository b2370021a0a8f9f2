package dev.convcut.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Turns images of an {@link ImageSet} into a normalized float batch ({@code N x C x H x W}, the
 * layout of a PyTorch tensor) in a caller-owned array, applying training augmentation on the way.
 *
 * <p>It matches torchvision's {@code RandomCrop(size, padding=p)}, {@code RandomHorizontalFlip()},
 * {@code ToTensor()}, {@code Normalize(mean, std)}: the crop offsets ({@code 0..2p} each, top then
 * left) and the flip are drawn per image, in that order, from the caller's random stream, and
 * padded pixels are black before normalization. The same stream state gives the same batch, so
 * a run seeded per epoch (e.g. {@code new SplittableRandom(seeds.forPurpose("augment", epoch))})
 * repeats exactly. Instances are immutable and may be shared between threads.
 */
public final class BatchAssembler implements BatchSource {
  private final ImageSet images;
  private final Augmentation augmentation;
  private final Normalization normalization;
  private final float[][] tables;
  private final int plane;

  public BatchAssembler(ImageSet images, Normalization normalization, Augmentation augmentation) {
    if (normalization.channels() != images.channels()) {
      throw new IllegalArgumentException("normalization has " + normalization.channels() + " channels but "
          + images.dataset() + " images have " + images.channels());
    }
    if (augmentation.resizedCrop()) {
      throw new IllegalArgumentException("random resized crops are taken from the original images, which "
          + images.dataset() + " does not keep in memory; use a crop with padding");
    }
    if (augmentation.padding() > Math.min(images.height(), images.width())) {
      throw new IllegalArgumentException("augmentation padding " + augmentation.padding() + " exceeds the "
          + images.height() + "x" + images.width() + " image");
    }
    this.images = images;
    this.augmentation = augmentation;
    this.normalization = normalization;
    this.plane = images.height() * images.width();
    this.tables = new float[images.channels()][];
    for (int c = 0; c < tables.length; c++) {
      tables[c] = normalization.table(c);
    }
  }

  /** The normalization the batches are made with. */
  public Normalization normalization() {
    return normalization;
  }

  @Override
  public int imageFloats() {
    return images.imageBytes();
  }

  @Override
  public int size() {
    return images.size();
  }

  @Override
  public int channels() {
    return images.channels();
  }

  @Override
  public int height() {
    return images.height();
  }

  @Override
  public int width() {
    return images.width();
  }

  /**
   * Writes images {@code indices[from .. from+count)} into {@code out[0 .. count*C*H*W)} and their
   * labels into {@code labels[0 .. count)}. {@code random} may be null only without augmentation.
   */
  @Override
  public void assemble(int[] indices, int from, int count, float[] out, int[] labels, SplittableRandom random) {
    if (from < 0 || count < 0 || from + count > indices.length) {
      throw new IllegalArgumentException("indices " + from + ".." + (from + count) + " outside 0.." + indices.length);
    }
    if ((long) count * imageFloats() > out.length || count > labels.length) {
      throw new IllegalArgumentException("a batch of " + count + " needs " + (long) count * imageFloats() + " floats and "
          + count + " labels, got arrays of " + out.length + " and " + labels.length);
    }
    if (random == null && !augmentation.isNone()) {
      throw new IllegalArgumentException("augmentation " + augmentation.describe() + " needs a random stream");
    }
    for (int b = 0; b < count; b++) {
      int index = indices[from + b];
      if (index < 0 || index >= images.size()) {
        throw new IllegalArgumentException("image index " + index + " outside 0.." + (images.size() - 1) + " of "
            + images.dataset() + "/" + images.split());
      }
      labels[b] = images.labels()[index];
      int p = augmentation.padding();
      int top = p > 0 ? random.nextInt(2 * p + 1) - p : 0;
      int left = p > 0 ? random.nextInt(2 * p + 1) - p : 0;
      boolean flip = augmentation.flip() && random.nextBoolean();
      write(index, top, left, flip, out, b * imageFloats());
    }
  }

  /** Output pixel (y, x) of channel c is source pixel (y + top, x' + left), x' = flip ? W-1-x : x; black outside. */
  void write(int index, int top, int left, boolean flip, float[] out, int at) {
    byte[] pixels = images.pixels();
    int h = images.height();
    int w = images.width();
    int source = index * imageFloats();
    // The output columns whose source column lies inside the image.
    int x0 = flip ? Math.max(0, left) : Math.max(0, -left);
    int x1 = flip ? Math.min(w, w + left) : Math.min(w, w - left);
    for (int c = 0; c < tables.length; c++) {
      float[] table = tables[c];
      float black = table[0];
      int channel = source + c * plane;
      for (int y = 0; y < h; y++, at += w) {
        int sy = y + top;
        if (sy < 0 || sy >= h || x0 >= x1) {
          Arrays.fill(out, at, at + w, black);
          continue;
        }
        int row = channel + sy * w;
        Arrays.fill(out, at, at + x0, black);
        if (flip) {
          int sx = row + w - 1 + left - x0;
          for (int x = x0; x < x1; x++, sx--) {
            out[at + x] = table[pixels[sx] & 0xff];
          }
        } else {
          int sx = row + x0 + left;
          for (int x = x0; x < x1; x++, sx++) {
            out[at + x] = table[pixels[sx] & 0xff];
          }
        }
        Arrays.fill(out, at + x1, at + w, black);
      }
    }
  }
}
