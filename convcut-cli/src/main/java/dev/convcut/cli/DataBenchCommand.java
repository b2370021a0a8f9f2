package dev.convcut.cli;

import dev.convcut.data.DataBenchmark;
import dev.convcut.io.Json;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code convcut data bench}: load time of each split and the rate at which training batches are assembled. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure how long each split takes to load (every repetition, the first one cold) and how many"
        + " microseconds per image assembling normalized float batches takes, with the dataset's training"
        + " augmentation and without it.",
    footer = {"", "Example:", "  convcut data bench --dataset fashion-mnist",
        "  convcut data bench --dataset cifar10 --data-dir /tmp/cifar10 --batch 128 --batches 200"})
final class DataBenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DatasetOptions data;

  @Option(names = "--repeat", paramLabel = "N", description = "Loads of each split. Default: ${DEFAULT-VALUE}.")
  int repeat = 3;

  @Option(names = "--batch", paramLabel = "N", description = "Images per batch. Default: ${DEFAULT-VALUE}.")
  int batch = 128;

  @Option(names = "--batches", paramLabel = "N", description = "Batches per timing round (best of 3 rounds). Default: ${DEFAULT-VALUE}.")
  int batches = 200;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public void run() {
    DataBenchmark result = DataBenchmark.run(data.dataset(), data.toDataOptions(), repeat, batch, batches);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(Json.write(result));
    } else {
      for (DataBenchmark.SplitTimes split : result.loadSeconds()) {
        out.printf(Locale.ROOT, "load %-5s %6d images  best %.3f s  (all: %s)%n", split.split(), split.images(), split.best(),
            split.seconds().stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).collect(Collectors.joining(" ")));
      }
      if (!result.augmentation().equals("none")) {
        assembly(out, result.batchSize(), result.augmentation(), result.augmentedMicrosPerImage());
      }
      assembly(out, result.batchSize(), "none", result.plainMicrosPerImage());
    }
    out.flush();
  }

  private static void assembly(PrintWriter out, int batch, String augmentation, double micros) {
    out.printf(Locale.ROOT, "batch assembly (%d images, augmentation %s): %.3f us/image, %.3f ms/batch%n", batch, augmentation,
        micros, micros * batch / 1e3);
  }
}
