package dev.convcut.cli;

import dev.convcut.data.DataOptions;
import dev.convcut.data.LabelKind;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that reads a dataset: which one, where, which labels, and whether to download. */
public final class DatasetOptions {
  // Not required by picocli: commands that read a checkpoint default to the checkpoint's dataset.
  @Option(names = "--dataset", paramLabel = "NAME",
      description = "The dataset: cifar10, cifar100, fashion-mnist, mnist (see 'convcut data list'), or imagefolder with"
          + " --data-dir naming a folder of class folders (docs/data.md).")
  String dataset;

  @Mixin ImageFolderOptions folder;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Read the dataset from DIR (its files, a DIR/<name> folder, or a CIFAR .tar.gz). Default: search"
          + " $CONVCUT_DATA/<name>, ~/.convcut/datasets/<name>, /usr/share/datasets/<name>, then download.")
  Path dataDir;

  @Option(names = "--labels", paramLabel = "fine|coarse",
      description = "Which labels to use: fine, or coarse for CIFAR-100's 20 super-classes. Default: ${DEFAULT-VALUE}.")
  LabelKind labels = LabelKind.FINE;

  @Option(names = "--no-download", description = "Fail instead of downloading when the dataset is nowhere to be found.")
  boolean noDownload;

  /** The dataset's name as given; a usage error when it was not given. */
  public String dataset() {
    if (dataset == null) {
      throw new IllegalArgumentException("--dataset NAME is required (cifar10, cifar100, fashion-mnist, mnist or imagefolder)");
    }
    return dataset;
  }

  /** The dataset's name as given, else {@code fallback} (e.g. the one a checkpoint was trained on), else a usage error. */
  public String datasetOr(String fallback) {
    return dataset != null ? dataset : fallback != null ? fallback : dataset();
  }

  /** These options as the data API takes them, with this process's search locations. */
  public DataOptions toDataOptions() {
    return new DataOptions(dataDir, labels, !noDownload).withFolder(folder.toFolderOptions());
  }
}
