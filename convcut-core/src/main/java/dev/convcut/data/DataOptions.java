package dev.convcut.data;

import dev.convcut.data.folder.FolderOptions;
import java.nio.file.Path;

/**
 * How to find and read a dataset.
 *
 * @param dataDir an explicit folder (or CIFAR archive) to read, or null to search the usual places
 * @param labels fine labels, or CIFAR-100's coarse super-classes
 * @param allowDownload whether to download the official files when the data is nowhere to be found
 * @param locations where to search and where downloads go
 * @param folder how an image folder is read and preprocessed (the {@code imagefolder} dataset only)
 */
public record DataOptions(Path dataDir, LabelKind labels, boolean allowDownload, DataLocations locations, FolderOptions folder) {

  public DataOptions {
    folder = folder == null ? FolderOptions.DEFAULTS : folder;
    if (labels == null) {
      throw new IllegalArgumentException("labels must be fine or coarse, got null");
    }
    if (locations == null) {
      throw new IllegalArgumentException("data locations must be given");
    }
  }

  /** Options with the default image-folder settings. */
  public DataOptions(Path dataDir, LabelKind labels, boolean allowDownload, DataLocations locations) {
    this(dataDir, labels, allowDownload, locations, null);
  }

  /** The same options reading {@code dir} only, without downloading. */
  public DataOptions at(Path dir) {
    return new DataOptions(dir, labels, false, locations, folder);
  }

  /** The same options with other image-folder settings. */
  public DataOptions withFolder(FolderOptions f) {
    return new DataOptions(dataDir, labels, allowDownload, locations, f);
  }

  /**
   * The same options with the image-folder transform a checkpoint of {@code channels} input
   * channels and {@code size} pixels records: resized first to {@code resize}; where it records
   * none (a network trained on images of its own size), the resize these options give, else none.
   */
  public DataOptions forInput(int channels, int size, Integer resize) {
    return withFolder(folder.withTransform(resize != null ? resize : Math.max(0, folder.resize()), size, channels));
  }

  /** The same options with the image-folder transform for training a new network ({@link FolderOptions#trainingResize()}). */
  public DataOptions forTraining() {
    return withFolder(folder.withTransform(folder.trainingResize(), folder.crop(), folder.channels()));
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
