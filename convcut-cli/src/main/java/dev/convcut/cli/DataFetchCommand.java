package dev.convcut.cli;

import dev.convcut.data.DataLocations;
import dev.convcut.data.DataOptions;
import dev.convcut.data.DataSource;
import dev.convcut.data.Datasets;
import dev.convcut.data.LabelKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convcut data fetch}: downloads a dataset's official files into the cache, checked against their published checksums. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Download a dataset's official files, check their published MD5 checksums, unpack and validate them,"
        + " and move them into $CONVCUT_DATA/<name> (when set) or ~/.convcut/datasets/<name> in one rename.",
        "Nothing is downloaded when the dataset is already found (unless --force). $CONVCUT_DATA_MIRROR replaces the"
            + " official addresses with <mirror>/<name>/<file>."},
    footer = {"", "Examples:", "  convcut data fetch --dataset cifar10",
        "  CONVCUT_DATA_MIRROR=http://mirror.local/datasets convcut data fetch --dataset mnist --force"})
final class DataFetchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset: cifar10, cifar100, fashion-mnist or mnist.")
  String dataset;

  @Option(names = "--force", description = "Download even if the dataset is found, replacing the cached copy once the new one is complete.")
  boolean force;

  @Override
  public void run() {
    if (Datasets.isFolder(dataset)) {
      throw new IllegalArgumentException("imagefolder is your own folder of images: there is nothing to download (read it with"
          + " --dataset imagefolder --data-dir DIR)");
    }
    Datasets.spec(dataset);
    DataLocations where = DataLocations.fromEnvironment();
    PrintWriter out = spec.commandLine().getOut();
    Optional<DataSource> found = Datasets.find(dataset, new DataOptions(null, LabelKind.FINE, false, where));
    if (found.isPresent() && !force) {
      spec.commandLine().getErr().println("convcut data fetch: " + dataset + " is already at " + found.get().path() + " (found by "
          + Flags.origin(found.get().origin()) + "); nothing downloaded (--force downloads it again)");
      out.println(found.get().path());
      return;
    }
    Path folder = Datasets.fetch(dataset, where, force);
    out.println(folder);
  }
}
