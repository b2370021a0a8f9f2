package dev.convcut.cli;

import dev.convcut.bench.PeerBench;
import dev.convcut.bench.PeerBlas;
import dev.convcut.bench.SpeedBench;
import dev.convcut.bench.SpeedResult;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Stem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut bench train}: training and evaluation images/s, side by side with PyTorch. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Measure training and evaluation images/s on random data for each model with torch_bench.py's batch, "
        + "steps and threads, run bench/torch_bench.py in the same invocation when python3 can import torch, "
        + "and print the ratios (convcut / PyTorch) and the evaluation's achieved GFLOP/s.",
    footer = {"", "Example:", "  convcut bench train --models cnn4,resnet20,resnet50 --threads 2 --steps 10"})
public final class BenchTrainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--models", split = ",", paramLabel = "M", description = "Models to measure (default: cnn4,resnet20,resnet50).")
  List<String> models = new ArrayList<>(SpeedBench.defaultModels());

  @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch = 128;

  @Option(names = "--steps", paramLabel = "N", description = "Timed steps per phase (default: ${DEFAULT-VALUE}).")
  int steps = 10;

  @Option(names = "--warmup", paramLabel = "N", description = "Untimed steps before each phase (default: ${DEFAULT-VALUE}).")
  int warmup = 2;

  @Option(names = "--threads", paramLabel = "N", description = "Intra-op threads on both sides (default: ${DEFAULT-VALUE}).")
  int threads = 2;

  @Option(names = "--channels", paramLabel = "C", description = "Input channels (default: ${DEFAULT-VALUE}).")
  int channels = 3;

  @Option(names = "--size", paramLabel = "PIXELS", description = "Input size (default: ${DEFAULT-VALUE}).")
  int size = 32;

  @Option(names = "--classes", paramLabel = "K", description = "Classes (default: ${DEFAULT-VALUE}).")
  int classes = 10;

  @Option(names = "--peer", paramLabel = "SCRIPT", description = "The PyTorch reference script (default: bench/torch_bench.py).")
  Path peer;

  @Option(names = "--python", paramLabel = "EXE", description = "Python with torch and torchvision (default: ${DEFAULT-VALUE}).")
  String python = "/usr/bin/python3";

  @Option(names = "--no-peer", description = "Do not run the PyTorch reference.")
  boolean noPeer;

  @Option(names = "--stem", paramLabel = "cifar|imagenet",
      description = "The ResNets' first layers: cifar (3x3 stride 1, no max-pool) or imagenet (7x7 stride 2, max-pool) (default: ${DEFAULT-VALUE}).")
  String stem = Stem.CIFAR.spelling();

  @Option(names = "--eval-only", description = "Skip the training phase on both sides, so the peak memory is evaluation's alone.")
  boolean evalOnly;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (batch < 2 || steps < 1 || warmup < 0 || threads < 1) {
      throw new IllegalArgumentException("need --batch >= 2, --steps >= 1, --warmup >= 0, --threads >= 1");
    }
    List<ModelSpec> specs = models.stream().map(m -> new ModelSpec(m, channels, size, classes, Stem.named(stem), null)).toList();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> script = PeerBench.locate(peer);
    boolean runPeer = !noPeer && script.isPresent() && PeerBench.available(python);
    // Before any work: a peer on the reference BLAS is refused, not timed.
    String peerBlas = runPeer ? PeerBlas.require(python, List.of("torch")) : null;
    List<SpeedResult> ours = new ArrayList<>();
    for (ModelSpec s : specs) {
      err.println("convcut bench: " + s.model() + "...");
      err.flush();
      ours.add(SpeedBench.run(s, batch, steps, warmup, threads, !evalOnly));
    }
    List<SpeedResult> theirs = List.of();
    if (runPeer) {
      err.println("convcut bench: PyTorch reference " + script.get() + " (" + peerBlas + ")...");
      err.flush();
      theirs = PeerBench.run(python, script.get(), models, batch, steps, warmup, threads, channels, size, classes, stem, !evalOnly);
    } else if (!noPeer) {
      err.println("convcut bench: no PyTorch reference run (" + (script.isEmpty() ? "no " + (peer == null ? "bench/torch_bench.py" : peer)
          : python + " cannot import torch and torchvision") + ")");
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("convcut", ours);
      doc.put("pytorch", theirs);
      doc.put("pytorchBlas", peerBlas);
      doc.put("environment", allocatorEnvironment());
      out.print(Json.write(doc));
    } else {
      out.print(table(ours, theirs));
      if (peerBlas != null) {
        out.println("reference: " + peerBlas);
      }
    }
    out.flush();
    return 0;
  }

  static String table(List<SpeedResult> ours, List<SpeedResult> theirs) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-9s %11s %11s %9s %11s %11s %8s %8s %11s %13s %13s %7s%n", "model",
        "train img/s", "eval img/s", "eval GF/s", "torch train", "torch eval", "train x", "eval x", "RSS MiB", "peak MiB",
        "torch peak", "peak x"));
    for (SpeedResult r : ours) {
      SpeedResult t = theirs.stream().filter(p -> p.model().equals(r.model())).findFirst().orElse(null);
      sb.append(String.format(Locale.ROOT, "%-9s %11s %11.1f %9.1f %11s %11s %8s %8s %11s %13s %13s %7s%n", r.model(),
          figure(r.trainImagesPerSecond(), "%.1f"), r.evalImagesPerSecond(), r.evalGflops(),
          t == null ? "-" : figure(t.trainImagesPerSecond(), "%.1f"),
          t == null ? "-" : figure(t.evalImagesPerSecond(), "%.1f"),
          t == null ? "-" : figure(r.trainImagesPerSecond() / t.trainImagesPerSecond(), "%.2f"),
          t == null ? "-" : figure(r.evalImagesPerSecond() / t.evalImagesPerSecond(), "%.2f"),
          figure(r.rssBeforeMb(), "%.0f") + ">" + figure(r.rssAfterMb(), "%.0f"), peaks(r), t == null ? "-" : peaks(t),
          t == null ? "-" : figure(r.peakMb() / t.peakMb(), "%.2f")));
    }
    if (!ours.isEmpty()) {
      SpeedResult r = ours.get(0);
      sb.append(String.format(Locale.ROOT, "batch %d, %d threads; %s%s%n", r.batch(), r.threads(), r.impl(),
          theirs.isEmpty() ? "" : " vs " + theirs.get(0).impl()));
      sb.append("peak MiB: the process's peak resident memory (VmHWM) after training>at the end; peak x: convcut / PyTorch at the end\n");
    }
    return sb.toString();
  }

  private static String peaks(SpeedResult r) {
    return figure(r.peakTrainMb(), "%.0f") + ">" + figure(r.peakMb(), "%.0f");
  }

  private static String figure(double v, String format) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
  }

  /** The glibc allocator settings of this process (the launcher sets them; see docs/bench.md), "null" where unset. */
  static Map<String, String> allocatorEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : List.of("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_MMAP_MAX_", "MALLOC_TRIM_THRESHOLD_")) {
      env.put(name, String.valueOf(System.getenv(name)));
    }
    return env;
  }
}
