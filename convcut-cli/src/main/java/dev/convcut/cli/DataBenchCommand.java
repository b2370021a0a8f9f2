package dev.convcut.cli;

import dev.convcut.bench.PeerBench;
import dev.convcut.bench.PeerBlas;
import dev.convcut.data.DataBenchmark;
import dev.convcut.data.DataOptions;
import dev.convcut.data.Datasets;
import dev.convcut.data.folder.FolderBenchmark;
import dev.convcut.io.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        + " augmentation and without it. For an image folder: whole passes over its evaluation images (decode, resize,"
        + " centre crop) alternating with torchvision's DataLoader on the same files, the same pass read from the cache,"
        + " and training batches of random resized crops decoded as they go.",
    footer = {"", "Example:", "  convcut data bench --dataset fashion-mnist",
        "  convcut data bench --dataset cifar10 --data-dir /tmp/cifar10 --batch 128 --batches 200",
        "  convcut data bench --dataset imagefolder --data-dir ~/data/imagenet-sample --resize 256 --crop 224 --batch 64 --batches 10"})
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

  @Option(names = "--rounds", paramLabel = "N",
      description = "Image folders: alternating passes of convcut and torchvision over the evaluation images. Default: ${DEFAULT-VALUE}.")
  int rounds = 3;

  @Option(names = "--peer-workers", paramLabel = "N",
      description = "Image folders: torchvision DataLoader worker processes. Default: ${DEFAULT-VALUE}.")
  int peerWorkers = 2;

  @Option(names = "--no-peer", description = "Image folders: do not run torchvision's loader beside convcut.")
  boolean noPeer;

  @Override
  public void run() {
    if (Datasets.isFolder(data.dataset())) {
      runFolder();
      return;
    }
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

  /** The image-folder benchmark: decoding passes against torchvision, the cache, and random-resized-crop training batches. */
  private void runFolder() {
    DataOptions options = data.toDataOptions();
    Path script = PeerBench.shipped("imagefolder_peer.py");
    String python = "/usr/bin/python3";
    FolderBenchmark.Peer peer = noPeer ? null : PeerBench.available(python) && Files.isRegularFile(script)
        ? new FolderBenchmark.Peer(python, script, peerWorkers) : null;
    if (!noPeer && peer == null) {
      spec.commandLine().getErr().println("convcut data bench: torchvision's loader is not run (" + python
          + " with torch and torchvision, and " + script + ", are needed)");
    } else if (peer != null) {
      spec.commandLine().getErr().println("convcut data bench: peer " + PeerBlas.require(python, List.of("numpy", "torch")));
    }
    Path cacheDir;
    try {
      cacheDir = Files.createTempDirectory("convcut-folder-bench");
    } catch (java.io.IOException e) {
      throw new dev.convcut.ConvcutException("could not make a temporary folder for the cache: " + e.getMessage(), e);
    }
    FolderBenchmark r;
    try {
      r = FolderBenchmark.run(Datasets.folder(options).root(), options.folder(), peer, rounds, batches, batch, cacheDir);
    } finally {
      dev.convcut.io.AtomicFiles.deleteRecursively(cacheDir);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(Json.write(r));
      out.flush();
      return;
    }
    out.printf(Locale.ROOT, "evaluation pass: %d images, %s, %d decoding threads%n", r.images(), r.transform(), r.threads());
    for (int i = 0; i < r.convcutPerSecond().size(); i++) {
      double ours = r.convcutPerSecond().get(i);
      if (i < r.peerPerSecond().size()) {
        double theirs = r.peerPerSecond().get(i);
        out.printf(Locale.ROOT, "  round %d: convcut %.1f img/s, torchvision %.1f img/s, ratio %.2f%n", i + 1, ours, theirs, ours / theirs);
      } else {
        out.printf(Locale.ROOT, "  round %d: convcut %.1f img/s%n", i + 1, ours);
      }
    }
    out.printf(Locale.ROOT, "  peer: %s%n", r.peer());
    double bestRead = r.cachedSeconds().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    out.printf(Locale.ROOT, "cache: decoding and writing %.3f s, reading back %s s (best %.1fx faster)%n", r.decodeSeconds(),
        r.cachedSeconds().stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(" ")),
        r.decodeSeconds() / bestRead);
    out.printf(Locale.ROOT, "training batches (random resized crop + flip, %d images): %.1f img/s%n", r.trainBatch(), r.trainPerSecond());
    out.flush();
  }

  private static void assembly(PrintWriter out, int batch, String augmentation, double micros) {
    out.printf(Locale.ROOT, "batch assembly (%d images, augmentation %s): %.3f us/image, %.3f ms/batch%n", batch, augmentation,
        micros, micros * batch / 1e3);
  }
}
