package dev.convcut.data;

import java.util.Arrays;

/** Operations on whole {@link ImageSet}s. */
public final class ImageSets {
  private ImageSets() {}

  /** The first {@code n} images of {@code set} (all of them when {@code n} is 0 or at least the size). */
  public static ImageSet first(ImageSet set, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("an image limit must be >= 0, got " + n);
    }
    if (n == 0 || n >= set.size()) {
      return set;
    }
    return new ImageSet(set.dataset(), set.split(), set.channels(), set.height(), set.width(), set.classes(),
        Arrays.copyOf(set.pixels(), n * set.imageBytes()), Arrays.copyOf(set.labels(), n));
  }
}
