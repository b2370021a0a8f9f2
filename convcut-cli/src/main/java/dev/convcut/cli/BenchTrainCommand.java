package dev.convcut.cli;

import dev.convcut.bench.PeerBench;
import dev.convcut.bench.SpeedBench;
import dev.convcut.bench.SpeedResult;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
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

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (batch < 2 || steps < 1 || warmup < 0 || threads < 1) {
      throw new IllegalArgumentException("need --batch >= 2, --steps >= 1, --warmup >= 0, --threads >= 1");
    }
    List<ModelSpec> specs = models.stream().map(m -> new ModelSpec(m, channels, size, classes)).toList();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<SpeedResult> ours = new ArrayList<>();
    for (ModelSpec s : specs) {
      err.println("convcut bench: " + s.model() + "...");
      err.flush();
      ours.add(SpeedBench.run(s, batch, steps, warmup, threads));
    }
    List<SpeedResult> theirs = List.of();
    Optional<Path> script = PeerBench.locate(peer);
    if (!noPeer && script.isPresent() && PeerBench.available(python)) {
      err.println("convcut bench: PyTorch reference " + script.get() + "...");
      err.flush();
      theirs = PeerBench.run(python, script.get(), models, batch, steps, warmup, threads, channels, size, classes);
    } else if (!noPeer) {
      err.println("convcut bench: no PyTorch reference run (" + (script.isEmpty() ? "no " + (peer == null ? "bench/torch_bench.py" : peer)
          : python + " cannot import torch and torchvision") + ")");
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("convcut", ours);
      doc.put("pytorch", theirs);
      doc.put("environment", allocatorEnvironment());
      out.print(Json.write(doc));
    } else {
      out.print(table(ours, theirs));
    }
    out.flush();
    return 0;
  }

  static String table(List<SpeedResult> ours, List<SpeedResult> theirs) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-9s %11s %11s %9s %11s %11s %8s %8s %11s%n", "model",
        "train img/s", "eval img/s", "eval GF/s", "torch train", "torch eval", "train x", "eval x", "RSS MiB"));
    for (SpeedResult r : ours) {
      SpeedResult t = theirs.stream().filter(p -> p.model().equals(r.model())).findFirst().orElse(null);
      sb.append(String.format(Locale.ROOT, "%-9s %11.1f %11.1f %9.1f %11s %11s %8s %8s %5.0f>%-5.0f%n", r.model(),
          r.trainImagesPerSecond(), r.evalImagesPerSecond(), r.evalGflops(),
          t == null ? "-" : String.format(Locale.ROOT, "%.1f", t.trainImagesPerSecond()),
          t == null ? "-" : String.format(Locale.ROOT, "%.1f", t.evalImagesPerSecond()),
          t == null ? "-" : String.format(Locale.ROOT, "%.2f", r.trainImagesPerSecond() / t.trainImagesPerSecond()),
          t == null ? "-" : String.format(Locale.ROOT, "%.2f", r.evalImagesPerSecond() / t.evalImagesPerSecond()),
          r.rssBeforeMb(), r.rssAfterMb()));
    }
    if (!ours.isEmpty()) {
      SpeedResult r = ours.get(0);
      sb.append(String.format(Locale.ROOT, "batch %d, %d threads; %s%s%n", r.batch(), r.threads(), r.impl(),
          theirs.isEmpty() ? "" : " vs " + theirs.get(0).impl()));
    }
    return sb.toString();
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
