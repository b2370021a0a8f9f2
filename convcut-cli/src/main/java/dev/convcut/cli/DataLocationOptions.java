package dev.convcut.cli;

import dev.convcut.data.DataOptions;
import dev.convcut.data.LabelKind;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a study command finds its dataset: {@code --data-dir} and {@code --no-download}. */
public final class DataLocationOptions {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Read the dataset from DIR. Default: search $CONVCUT_DATA/<name>, ~/.convcut/datasets/<name>,"
          + " /usr/share/datasets/<name>, then download.")
  Path dataDir;

  @Option(names = "--no-download", description = "Fail instead of downloading when the dataset is nowhere to be found.")
  boolean noDownload;

  @Mixin ImageFolderOptions folder;

  public DataOptions toDataOptions() {
    return new DataOptions(dataDir, LabelKind.FINE, !noDownload).withFolder(folder.toFolderOptions());
  }
}
