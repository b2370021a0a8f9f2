package dev.convcut.cli;

import dev.convcut.ConvcutException;
import dev.convcut.data.DataOptions;
import dev.convcut.data.DataSource;
import dev.convcut.data.DatasetInfo;
import dev.convcut.data.Datasets;
import dev.convcut.data.LabelKind;
import dev.convcut.io.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convcut data list}: every known dataset, where it was found (without downloading) and its size on disk. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Show every dataset convcut knows, where it was found and its size on disk. Downloads nothing.",
    footer = {"", "Example:", "  convcut data list", "  CONVCUT_DATA=/data convcut data list --json"})
final class DataListCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  /** One row of the listing; {@code path}, {@code origin} and {@code bytes} are null where the dataset was not found. */
  record Row(String dataset, String title, String path, String origin, Long bytes, String url) {}

  @Override
  public void run() {
    DataOptions options = new DataOptions(null, LabelKind.FINE, false);
    List<Row> rows = new ArrayList<>();
    for (String name : Datasets.names()) {
      Optional<DataSource> found = Datasets.find(name, options);
      String url = Datasets.downloadUrl(name, options.locations());
      rows.add(found.map(s -> new Row(name, Datasets.spec(name).title(), s.path().toString(), Flags.origin(s.origin()), bytes(s), url))
          .orElse(new Row(name, Datasets.spec(name).title(), null, null, null, url)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(Json.write(rows));
    } else {
      out.printf(Locale.ROOT, "%-14s %-14s %-10s %10s  %s%n", "DATASET", "TITLE", "FOUND BY", "SIZE", "WHERE");
      for (Row r : rows) {
        out.printf(Locale.ROOT, "%-14s %-14s %-10s %10s  %s%n", r.dataset(), r.title(), r.origin() == null ? "-" : r.origin(),
            r.bytes() == null ? "-" : megabytes(r.bytes()), r.path() == null ? "not found (convcut data fetch --dataset " + r.dataset() + ")" : r.path());
      }
      out.printf(Locale.ROOT, "%-14s %-14s %-10s %10s  %s%n", "imagefolder", "your images", "-", "-",
          "--dataset imagefolder --data-dir DIR: a folder of class folders, or train/ and val/ of them (docs/data.md)");
    }
    out.flush();
  }

  private static Long bytes(DataSource source) {
    try {
      return DatasetInfo.totalBytes(source);
    } catch (ConvcutException e) {
      return null;
    }
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
