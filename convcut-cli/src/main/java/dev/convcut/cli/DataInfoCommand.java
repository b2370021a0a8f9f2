package dev.convcut.cli;

import dev.convcut.data.DatasetInfo;
import dev.convcut.data.DatasetSpec;
import dev.convcut.data.DatasetStats;
import dev.convcut.data.folder.FolderSummary;
import dev.convcut.io.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code convcut data info}: a dataset's counts, classes, shape, pixel statistics, label histogram, file digests and load time. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Load both splits of a dataset and print, per split, the image count, the per-channel mean and std of"
        + " the pixels (in [0,1] units) and the load time; the classes with a label histogram; the standard"
        + " normalization and training augmentation; and each file's size and SHA-256.",
        "Search order: --data-dir, $CONVCUT_DATA/<name>, ~/.convcut/datasets/<name>, /usr/share/datasets/<name>,"
            + " then a download of the official files (unless --no-download)."},
    footer = {"", "Examples:", "  convcut data info --dataset fashion-mnist",
        "  convcut data info --dataset imagefolder --data-dir ~/data/imagenette --resize 256 --crop 224",
        "  convcut data info --dataset cifar100 --labels coarse --data-dir ~/Downloads/cifar-100-binary.tar.gz --json"})
final class DataInfoCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DatasetOptions data;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public void run() {
    DatasetInfo info = DatasetInfo.gather(data.dataset(), data.toDataOptions());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(Json.write(info));
    } else {
      print(info, out);
    }
    out.flush();
  }

  static void print(DatasetInfo info, PrintWriter out) {
    DatasetSpec s = info.spec();
    List<String> classes = info.splits().get(0).stats().classes();
    out.printf(Locale.ROOT, "%s (%s), %s labels%n", s.title(), s.name(), info.labels().id());
    out.printf(Locale.ROOT, "source         %s (found by %s)%n", info.source().path(), Flags.origin(info.source().origin()));
    out.printf(Locale.ROOT, "shape          %dx%dx%d (channels x height x width)%n", s.channels(), s.height(), s.width());
    out.printf(Locale.ROOT, "classes        %d%n", classes.size());
    out.printf(Locale.ROOT, "normalization  mean %s  std %s  (%s)%n", numbers(s.normalization().mean()),
        numbers(s.normalization().std()), s.normalizationSource());
    out.printf(Locale.ROOT, "augmentation   %s (training)%n%n", s.trainAugmentation().describe());
    out.printf(Locale.ROOT, "%-6s %8s  %-26s %-26s %8s%n", "SPLIT", "IMAGES", "MEAN", "STD", "LOAD");
    for (DatasetInfo.SplitInfo split : info.splits()) {
      DatasetStats st = split.stats();
      out.printf(Locale.ROOT, "%-6s %8d  %-26s %-26s %7.2fs%n", st.split(), st.count(), numbers(st.mean()), numbers(st.std()),
          split.loadSeconds());
    }
    out.printf(Locale.ROOT, "%n%5s  %-30s", "LABEL", "CLASS");
    for (DatasetInfo.SplitInfo split : info.splits()) {
      out.printf(Locale.ROOT, " %8s", split.stats().split().toUpperCase(Locale.ROOT));
    }
    out.println();
    for (int k = 0; k < classes.size(); k++) {
      out.printf(Locale.ROOT, "%5d  %-30s", k, classes.get(k));
      for (DatasetInfo.SplitInfo split : info.splits()) {
        out.printf(Locale.ROOT, " %8d", split.stats().labelCounts().get(k));
      }
      out.println();
    }
    if (info.folder() != null) {
      printFolder(info.folder(), out);
      return;
    }
    out.printf(Locale.ROOT, "%n%-64s %12s  %s%n", "SHA-256", "BYTES", "FILE");
    for (DatasetInfo.FileDigest f : info.files()) {
      out.printf(Locale.ROOT, "%-64s %12d  %s%n", f.sha256(), f.bytes(), f.path());
    }
  }

  /** An image folder's layout, preprocessing, original sizes and left-out images. */
  private static void printFolder(FolderSummary f, PrintWriter out) {
    out.printf(Locale.ROOT, "%nlayout         %s%n", f.layout());
    out.printf(Locale.ROOT, "preprocessing  %s (the split statistics above are of the preprocessed images)%n", f.transform());
    out.printf(Locale.ROOT, "%nsizes before preprocessing (width x height)%n%-6s %8s  %-20s %-20s %-20s %9s  %s%n", "SPLIT", "IMAGES",
        "SMALLEST", "MEDIAN", "LARGEST", "DISTINCT", "CACHE");
    for (FolderSummary.SplitSizes s : f.splits()) {
      out.printf(Locale.ROOT, "%-6s %8d  %-20s %-20s %-20s %9d  %s%n", s.split(), s.images(), s.minWidth() + " x " + s.minHeight(),
          s.medianWidth() + " x " + s.medianHeight(), s.maxWidth() + " x " + s.maxHeight(), s.distinctSizes(),
          s.fromCache() ? "hit" : "decoded");
    }
    for (FolderSummary.SplitSizes s : f.splits()) {
      if (!s.skipped().isEmpty()) {
        out.printf(Locale.ROOT, "%n%d unreadable %s image(s) left out:%n", s.skipped().size(), s.split());
        s.skipped().forEach(line -> out.println("  " + line));
      }
    }
  }

  private static String numbers(double[] values) {
    return numbers(java.util.Arrays.stream(values).boxed().toList());
  }

  private static String numbers(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.4f", v)).collect(Collectors.joining(" "));
  }
}
