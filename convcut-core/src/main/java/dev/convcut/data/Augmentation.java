package dev.convcut.data;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Training-time augmentation applied while a batch is assembled: a random crop of the original
 * size from the image zero-padded by {@code padding} pixels on every side, then a horizontal flip
 * with probability 1/2 when {@code flip} is set. This is torchvision's
 * {@code RandomCrop(size, padding=p)} then {@code RandomHorizontalFlip()} on the PIL image, before
 * {@code ToTensor} and {@code Normalize}: padded pixels are black (0) before normalization.
 *
 * @param padding zero padding on each side, 0 for no crop
 * @param flip whether to flip horizontally with probability 1/2
 */
public record Augmentation(int padding, boolean flip) {
  /** No augmentation: images pass unchanged. */
  public static final Augmentation NONE = new Augmentation(0, false);

  /** The standard CIFAR recipe: 4-pixel zero padding, random 32x32 crop, random horizontal flip. */
  public static final Augmentation CROP_AND_FLIP = new Augmentation(4, true);

  public Augmentation {
    if (padding < 0) {
      throw new IllegalArgumentException("augmentation padding must be 0 or more pixels, got " + padding);
    }
  }

  /** Whether this leaves images unchanged (and so needs no random numbers). */
  @JsonIgnore
  public boolean isNone() {
    return padding == 0 && !flip;
  }

  /** A short description for tables and run records, e.g. {@code crop(pad=4)+flip} or {@code none}. */
  public String describe() {
    if (isNone()) {
      return "none";
    }
    String crop = padding > 0 ? "crop(pad=" + padding + ")" : "";
    return crop + (flip ? (crop.isEmpty() ? "" : "+") + "flip" : "");
  }
}
