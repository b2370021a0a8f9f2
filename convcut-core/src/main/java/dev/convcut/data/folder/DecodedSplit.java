package dev.convcut.data.folder;

import dev.convcut.data.ImageSet;
import java.util.List;

/**
 * One split of an image folder after decoding and the evaluation transform: the images, each
 * kept image's size before preprocessing, the unreadable images that were left out (with
 * skipping bad images on), and whether it came from the cache.
 *
 * @param heights original height of image {@code n} of {@code images}
 * @param widths original width of image {@code n} of {@code images}
 * @param skipped "file: reason" for every image left out
 */
public record DecodedSplit(ImageSet images, int[] heights, int[] widths, List<String> skipped, boolean fromCache) {
  public DecodedSplit {
    if (heights.length != images.size() || widths.length != images.size()) {
      throw new IllegalArgumentException(images.size() + " images but " + heights.length + " heights and " + widths.length + " widths");
    }
    skipped = List.copyOf(skipped);
  }

  /** The same split read back from the cache. */
  DecodedSplit cached() {
    return new DecodedSplit(images, heights, widths, skipped, true);
  }
}
