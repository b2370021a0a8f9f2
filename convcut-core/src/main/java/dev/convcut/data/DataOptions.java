package dev.convcut.data;

import java.nio.file.Path;

/**
 * How to find and read a dataset.
 *
 * @param dataDir an explicit folder (or CIFAR archive) to read, or null to search the usual places
 * @param labels fine labels, or CIFAR-100's coarse super-classes
 * @param allowDownload whether to download the official files when the data is nowhere to be found
 * @param locations where to search and where downloads go
 */
public record DataOptions(Path dataDir, LabelKind labels, boolean allowDownload, DataLocations locations) {

  public DataOptions {
    if (labels == null) {
      throw new IllegalArgumentException("labels must be fine or coarse, got null");
    }
    if (locations == null) {
      throw new IllegalArgumentException("data locations must be given");
    }
  }

  /** Options that search this process's usual places ({@link DataLocations#fromEnvironment()}). */
  public DataOptions(Path dataDir, LabelKind labels, boolean allowDownload) {
    this(dataDir, labels, allowDownload, DataLocations.fromEnvironment());
  }

  /** Fine labels, the usual places, downloading if need be. */
  public static DataOptions defaults() {
    return new DataOptions(null, LabelKind.FINE, true);
  }
}
