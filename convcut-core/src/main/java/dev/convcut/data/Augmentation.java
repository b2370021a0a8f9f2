package dev.convcut.data;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Training-time augmentation applied while a batch is assembled: a random crop of the original
 * size from the image zero-padded by {@code padding} pixels on every side, then a horizontal flip
 * with probability 1/2 when {@code flip} is set. This is torchvision's
 * {@code RandomCrop(size, padding=p)} then {@code RandomHorizontalFlip()} on the PIL image, before
 * {@code ToTensor} and {@code Normalize}: padded pixels are black (0) before normalization.
 *
 *
 * <p>With {@code resizedCrop}, the crop is torchvision's {@code RandomResizedCrop(size)} instead,
 * taken from the original image of an image folder before the flip ({@code padding} is then 0).
 *
 * @param padding zero padding on each side, 0 for no crop
 * @param flip whether to flip horizontally with probability 1/2
 * @param resizedCrop whether to take a random resized crop of the original image (image folders)
 */
public record Augmentation(int padding, boolean flip, boolean resizedCrop) {
  /** No augmentation: images pass unchanged. */
  public static final Augmentation NONE = new Augmentation(0, false);

  /** The standard CIFAR recipe: 4-pixel zero padding, random 32x32 crop, random horizontal flip. */
  public static final Augmentation CROP_AND_FLIP = new Augmentation(4, true);

  /** The standard ImageNet recipe: {@code RandomResizedCrop(size)} and a random horizontal flip. */
  public static final Augmentation RESIZED_CROP_AND_FLIP = new Augmentation(0, true, true);

  public Augmentation {
    if (padding < 0) {
      throw new IllegalArgumentException("augmentation padding must be 0 or more pixels, got " + padding);
    }
    if (resizedCrop && (padding > 0 || !flip)) {
      throw new IllegalArgumentException("a random resized crop takes no padding and comes with the horizontal flip"
          + " (torchvision's recipe), got padding " + padding + (flip ? "" : " and no flip"));
    }
  }

  /** A crop after zero padding (0: none) and an optional flip. */
  public Augmentation(int padding, boolean flip) {
    this(padding, flip, false);
  }

  /**
   * This augmentation for images already preprocessed in memory: a random resized crop needs the
   * original image, so it becomes the flip alone; the others are unchanged.
   */
  public Augmentation inMemory() {
    return resizedCrop ? new Augmentation(0, true) : this;
  }

  /** Whether this leaves images unchanged (and so needs no random numbers). */
  @JsonIgnore
  public boolean isNone() {
    return padding == 0 && !flip && !resizedCrop;
  }

  /** A short description for tables and run records, e.g. {@code crop(pad=4)+flip} or {@code none}. */
  public String describe() {
    if (isNone()) {
      return "none";
    }
    String crop = resizedCrop ? "random-resized-crop" : padding > 0 ? "crop(pad=" + padding + ")" : "";
    return crop + (flip ? (crop.isEmpty() ? "" : "+") + "flip" : "");
  }
}
