package dev.convcut.data;

import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search order for a dataset's files: the data folder given, {@code $CONVCUT_DATA/<name>},
 * {@code ~/.convcut/datasets/<name>}, then system locations such as
 * {@code /usr/share/datasets/<name>}. The first place that exists wins, even if its content turns
 * out to be broken: a damaged copy is reported, never silently skipped.
 */
final class DatasetLocator {
  private DatasetLocator() {}

  /** The first place holding {@code dataset}, without downloading. */
  static Optional<DataSource> find(KnownDataset dataset, DataOptions options) {
    String name = dataset.name();
    Path dir = options.dataDir();
    if (dir != null) {
      if (!Files.exists(dir)) {
        throw new ConvcutException(Words.of(Setting.DATA_DIR, " " + dir + ": no such file or folder"));
      }
      if (Files.isDirectory(dir) && !dataset.format().recognizes(dir) && Files.isDirectory(dir.resolve(name))) {
        dir = dir.resolve(name);
      }
      return Optional.of(new DataSource(name, dir, DataSource.Origin.DATA_DIR));
    }
    DataLocations where = options.locations();
    if (where.environmentRoot() != null && Files.exists(where.environmentRoot().resolve(name))) {
      return Optional.of(new DataSource(name, where.environmentRoot().resolve(name), DataSource.Origin.ENVIRONMENT));
    }
    if (Files.exists(where.cacheRoot().resolve(name))) {
      return Optional.of(new DataSource(name, where.cacheRoot().resolve(name), DataSource.Origin.CACHE));
    }
    for (Path root : where.systemRoots()) {
      if (Files.exists(root.resolve(name))) {
        return Optional.of(new DataSource(name, root.resolve(name), DataSource.Origin.SYSTEM));
      }
    }
    return Optional.empty();
  }

  /**
   * The message for a dataset found nowhere: every way to provide it, and why a download
   * failed where one was tried ({@code downloadFailure}, or null).
   */
  static ConvcutException notFound(KnownDataset dataset, DataLocations where, String downloadFailure) {
    String name = dataset.name();
    List<Object[]> ways = new ArrayList<>();
    ways.add(new Object[] {Words.of(Setting.DATA_DIR, " DIR"), "a folder holding " + String.join(", ", dataset.format().fileNames())
        + (dataset.format().downloads().size() == 1 ? " (or " + dataset.format().downloads().get(0).name() + " itself)" : "")});
    ways.add(new Object[] {"$" + DataLocations.DATA_VARIABLE, "a folder with a " + name + "/ sub-folder of those files"
        + (where.environmentRoot() == null ? " (it is not set)" : " (it is " + where.environmentRoot() + ", which has no " + name + "/)")});
    ways.add(new Object[] {"the cache", "put the files in " + where.cacheRoot().resolve(name)});
    if (dataset.aptPackage() != null && !where.systemRoots().isEmpty()) {
      ways.add(new Object[] {"Debian/Ubuntu", "sudo apt-get install " + dataset.aptPackage() + " (installs "
          + where.systemRoots().get(0).resolve(name) + ")"});
    }
    ways.add(new Object[] {"download", Words.of(Setting.DATA_FETCH, " " + name + " (from " + DatasetDownloader.baseUrl(dataset, where)
        + "; needs internet)")});
    Words text = Words.of(dataset.spec().title() + " (" + name + ") was not found"
        + (downloadFailure != null ? ", and downloading it failed: " + downloadFailure : "") + ". Provide it in one of these ways:");
    for (Object[] way : ways) {
      text = text.then("\n  ", Words.padded(15, way[0]), " ", way[1]);
    }
    return new ConvcutException(text);
  }
}
