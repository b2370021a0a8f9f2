package dev.convcut.data.folder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.ConvcutException;
import dev.convcut.data.Split;
import dev.convcut.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The image-folder data path measured against torchvision on the same files: whole passes over
 * the evaluation images (decode, {@code Resize}, {@code CenterCrop}), convcut's and torchvision's
 * {@code DataLoader} alternating; the same pass read from the cache; and training batches of
 * random resized crops decoded as they go.
 *
 * @param images images in one evaluation pass
 * @param convcutPerSecond convcut's images per second in each round (no cache)
 * @param peerPerSecond torchvision's images per second in each round (empty without the peer)
 * @param peer what the peer was, or why it did not run
 * @param cachedSeconds each read of the cached pass (key computed from the files' sizes and times included)
 * @param decodeSeconds the pass that wrote the cache
 * @param trainPerSecond random resized crop training batches, images per second
 */
public record FolderBenchmark(String transform, int threads, int images, List<Double> convcutPerSecond, List<Double> peerPerSecond,
    String peer, double decodeSeconds, List<Double> cachedSeconds, int trainBatch, double trainPerSecond) {

  /** How the torchvision side is run: the interpreter, the peer script and its DataLoader workers. */
  public record Peer(String python, Path script, int workers) {}

  /**
   * Runs {@code rounds} alternating passes over the evaluation images of {@code root}, then the
   * cache and training measurements; {@code cacheDir} receives a cache file for the run.
   */
  public static FolderBenchmark run(Path root, FolderOptions o, Peer peer, int rounds, int trainBatches, int trainBatch, Path cacheDir) {
    if (rounds < 1 || trainBatches < 1 || trainBatch < 1) {
      throw new IllegalArgumentException("rounds, training batches and batch size must be 1 or more");
    }
    FolderOptions plain = new FolderOptions(o.resize() < 0 ? o.trainingResize() : o.resize(), o.crop(), o.channels(), o.valFraction(),
        o.splitSeed(), o.skipBad(), false, o.threads());
    ImageFolderDataset dataset = ImageFolderDataset.fresh(root, plain, null);
    FolderListing eval = dataset.listing(Split.TEST);
    Path evalRoot = eval.root();
    List<Double> ours = new ArrayList<>();
    List<Double> theirs = new ArrayList<>();
    String peerNote = peer == null ? "not run" : "torchvision DataLoader(num_workers=" + peer.workers() + ") with PIL on " + evalRoot;
    boolean samePass = evalRoot.equals(root.resolve("val")) || evalRoot.equals(root.resolve("test"));
    if (peer != null && !samePass) {
      peerNote = "not run: the folder has no val/ or test/ for torchvision to read as the same images";
      peer = null;
    }
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      FolderDecoder.decode(ImageFolderDataset.NAME, "test", eval, plain, null);
      ours.add(eval.samples().size() / ((System.nanoTime() - start) / 1e9));
      if (peer != null) {
        theirs.add(peerPass(peer, evalRoot, plain));
      }
    }
    FolderOptions cached = new FolderOptions(plain.resize(), plain.crop(), plain.channels(), plain.valFraction(), plain.splitSeed(),
        plain.skipBad(), true, plain.threads());
    long start = System.nanoTime();
    ImageFolderDataset.fresh(root, cached, cacheDir).decoded(Split.TEST, null);
    double decode = (System.nanoTime() - start) / 1e9;
    List<Double> reads = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      start = System.nanoTime();
      DecodedSplit d = ImageFolderDataset.fresh(root, cached, cacheDir).decoded(Split.TEST, null);
      reads.add((System.nanoTime() - start) / 1e9);
      if (!d.fromCache()) {
        throw new ConvcutException("the cache in " + cacheDir + " was not read back; the benchmark cannot time it");
      }
    }
    double train = trainRate(dataset, trainBatches, trainBatch);
    return new FolderBenchmark(plain.describeTransform(), plain.decodingThreads(), eval.samples().size(), ours, theirs, peerNote,
        decode, reads, trainBatch, train);
  }

  private static double trainRate(ImageFolderDataset dataset, int batches, int batch) {
    int n = dataset.listing(Split.TRAIN).samples().size();
    int size = Math.min(batch, n);
    int[] order = new dev.convcut.data.EpochOrder(n, 1).forEpoch(0);
    try (FolderTrainBatches source = dataset.trainBatches(dataset.spec().normalization(), 0)) {
      float[] out = new float[size * source.imageFloats()];
      int[] labels = new int[size];
      SplittableRandom random = new SplittableRandom(3);
      source.assemble(order, 0, size, out, labels, random);
      long start = System.nanoTime();
      for (int b = 0; b < batches; b++) {
        int from = (int) ((long) (b + 1) * size % (n - size + 1));
        source.assemble(order, from, size, out, labels, random);
      }
      return (double) batches * size / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** One pass of torchvision's loader over {@code evalRoot}, as the peer script times it (after python has started). */
  private static double peerPass(Peer peer, Path evalRoot, FolderOptions o) {
    List<String> command = List.of(peer.python(), peer.script().toString(), "--root", evalRoot.toString(), "--resize",
        Integer.toString(o.resize()), "--crop", Integer.toString(o.crop()), "--channels", Integer.toString(o.channels()), "--bench",
        "--workers", Integer.toString(peer.workers()), "--passes", "1", "--mean", "0.485", "0.456", "0.406", "--std", "0.229", "0.224",
        "0.225");
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(3600, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new ConvcutException("the torchvision peer failed (" + String.join(" ", command) + "): " + out);
      }
      String last = out.strip().lines().reduce((a, b) -> b).orElseThrow(() -> new ConvcutException("the peer printed nothing"));
      JsonNode line = Json.mapper().readTree(last);
      return line.get("images_per_s").asDouble();
    } catch (IOException e) {
      throw new ConvcutException("could not run the torchvision peer " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvcutException("interrupted while the torchvision peer ran", e);
    }
  }
}
