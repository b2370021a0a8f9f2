package dev.convcut.data.folder;

import java.util.Arrays;
import java.util.List;

/**
 * What {@code data info} adds for an image folder: how its splits were found, the preprocessing
 * it was read with, and per split the sizes the images had before preprocessing, the images left
 * out as unreadable, and whether the preprocessed split came from the cache.
 *
 * @param layout e.g. {@code train/ and val/}
 * @param transform e.g. {@code Resize(256) CenterCrop(224) RGB}
 */
public record FolderSummary(String layout, String transform, List<SplitSizes> splits) {
  public FolderSummary {
    splits = List.copyOf(splits);
  }

  /**
   * One split's original image sizes (smallest, median and largest width and height, and how many
   * distinct width x height pairs), the images left out, and whether it was read from the cache.
   */
  public record SplitSizes(String split, int images, int minWidth, int medianWidth, int maxWidth, int minHeight, int medianHeight,
      int maxHeight, int distinctSizes, List<String> skipped, boolean fromCache) {
    public SplitSizes {
      skipped = List.copyOf(skipped);
    }

    /** The sizes of {@code d}'s images. */
    public static SplitSizes of(DecodedSplit d) {
      int[] w = d.widths().clone();
      int[] h = d.heights().clone();
      long distinct = java.util.stream.IntStream.range(0, w.length).mapToLong(i -> ((long) w[i] << 32) | h[i]).distinct().count();
      Arrays.sort(w);
      Arrays.sort(h);
      int n = w.length;
      return new SplitSizes(d.images().split(), n, w[0], w[n / 2], w[n - 1], h[0], h[n / 2], h[n - 1], (int) distinct, d.skipped(),
          d.fromCache());
    }
  }
}
