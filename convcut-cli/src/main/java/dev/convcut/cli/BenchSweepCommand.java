package dev.convcut.cli;

import dev.convcut.bench.PeerBench;
import dev.convcut.bench.PeerBlas;
import dev.convcut.bench.sweep.SweepBenchmark;
import dev.convcut.bench.sweep.SweepPeer;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.study.Grid;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut bench sweep}: the sweep against the naive sweep, ResNet-50's per-variant cost, and memory over 1,000+ variants. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {
      "Times the layer-wise sweep's evaluation (shared evaluations, prefix reuse) against the naive sweep (every row a full "
          + "forward pass) side by side on the same random network, rows and images, and checks that every row scores the same "
          + "both ways: cnn4 (1x28x28, 10 classes) over all 7 cuts and the default levels, then ResNet-50 (3x32x32) on a few "
          + "layers. Then runs a real sweep of more than 1,000 evaluations and reports the resident memory (VmRSS) at its "
          + "start, peak and end.",
      "Minutes long; never part of the tests."
    },
    footer = {"", "Examples:", "  convcut bench sweep", "  convcut bench sweep --cnn4-images 500 --skip-resnet --json"})
final class BenchSweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cnn4-images", defaultValue = "200", description = "Test images per evaluation for cnn4 (default: ${DEFAULT-VALUE}).")
  int cnn4Images;

  @Option(names = "--resnet-images", defaultValue = "16", description = "Test images per evaluation for ResNet-50 (default: ${DEFAULT-VALUE}).")
  int resnetImages;

  @Option(names = "--resnet-layers", split = ",", defaultValue = "conv1,layer2.0.conv2,layer3.0.conv2,layer4.2.conv3",
      description = "ResNet-50 layers (default: ${DEFAULT-VALUE}).")
  List<String> resnetLayers;

  @Option(names = "--resnet-levels", defaultValue = "keep0.5,rank1", description = "ResNet-50 levels, all 7 cuts (default: ${DEFAULT-VALUE}).")
  String resnetLevels;

  @Option(names = "--skip-resnet", description = "Skip the ResNet-50 part.")
  boolean skipResnet;

  @Option(names = "--skip-cnn4", description = "Skip the cnn4 comparison and its peer.")
  boolean skipCnn4;

  @Option(names = "--rss-rank-max", defaultValue = "192",
      description = "The memory run's levels are rank1..rankN over every cut of cnn4's conv layers (default: ${DEFAULT-VALUE}: "
          + "about 1,100 evaluations).")
  int rssRankMax;

  @Option(names = "--rss-passes", defaultValue = "3", description = "Measured passes of the memory run after the warm-up (default: ${DEFAULT-VALUE}).")
  int rssPasses;

  @Option(names = "--rss-images", defaultValue = "32", description = "Test images per evaluation in the memory run (default: ${DEFAULT-VALUE}).")
  int rssImages;

  @Option(names = "--batch-size", defaultValue = "100", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--peer", paramLabel = "SCRIPT", description = "The PyTorch naive-sweep peer (default: bench/torch_sweep_peer.py).")
  Path peer = PeerBench.shipped("torch_sweep_peer.py");

  @Option(names = "--python", paramLabel = "EXE", description = "Python with torch (default: ${DEFAULT-VALUE}).")
  String python = "/usr/bin/python3";

  @Option(names = "--no-peer", description = "Do not run the PyTorch peer.")
  boolean noPeer;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws Exception {
    engine.start();
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> all = new LinkedHashMap<>();
    if (runsPeer()) {
      // Before any work: a peer on the reference BLAS is refused, not timed.
      all.put("peerBlas", PeerBlas.require(python, List.of("torch")));
    }
    all.put("loadAverageBefore", loadAverage());
    if (!skipCnn4) {
      cnn4(out, all);
    }
    resnetAndMemory(out, all);
    all.put("loadAverageAfter", loadAverage());
    if (json) {
      out.print(Json.write(all));
    } else {
      out.println("load average: " + all.get("loadAverageBefore") + " before, " + all.get("loadAverageAfter") + " after");
    }
    out.flush();
    return 0;
  }

  private boolean runsPeer() {
    return !noPeer && !skipCnn4 && Files.isRegularFile(peer) && PeerBench.available(python);
  }

  private void cnn4(PrintWriter out, Map<String, Object> all) throws Exception {
    SweepBenchmark.Comparison cnn4 = SweepBenchmark.compare(new ModelSpec("cnn4", 1, 28, 10), null, Grid.parse(null, null), cnn4Images,
        batch, 1);
    all.put("cnn4", cnn4);
    if (!json) {
      out.println(line(cnn4));
      out.flush();
    }
    if (runsPeer()) {
      SweepPeer.Result p = SweepPeer.run(python, peer, new ModelSpec("cnn4", 1, 28, 10), cnn4.rowsPerLayer(), cnn4Images, batch,
          engine.threads() > 0 ? engine.threads() : Runtime.getRuntime().availableProcessors());
      all.put("cnn4Peer", p);
      if (!json) {
        out.println("cnn4 peer: " + all.get("peerBlas"));
        out.printf(Locale.ROOT, "cnn4 peer %s, naive: %d rows, %d images: %.1f s (%.1f ms/row); convcut's sweep is %.3fx the peer's "
            + "naive time, convcut's naive %.3fx%n", p.impl(), p.rows(), p.images(), p.seconds(), 1000 * p.perRow(),
            cnn4.sweepSeconds() / p.seconds(), cnn4.naiveSeconds() / p.seconds());
        out.flush();
      }
    } else if (!json) {
      out.println("cnn4 peer: not run (" + (noPeer ? "--no-peer" : Files.isRegularFile(peer) ? python + " cannot import torch" : "no " + peer) + ")");
    }
  }

  private void resnetAndMemory(PrintWriter out, Map<String, Object> all) throws Exception {
    if (!skipResnet) {
      SweepBenchmark.Comparison r50 = SweepBenchmark.compare(new ModelSpec("resnet50", 3, 32, 10), resnetLayers,
          Grid.parse(null, resnetLevels), resnetImages, batch, 2);
      all.put("resnet50", r50);
      if (!json) {
        out.println(line(r50));
        out.flush();
      }
    }
    Path dir = Files.createTempDirectory("convcut-bench-sweep");
    try {
      SweepBenchmark.Memory m = SweepBenchmark.memory(new ModelSpec("cnn4", 1, 28, 10), rssRankMax, rssImages, batch, 3, dir, 500,
          rssPasses);
      all.put("memory", m);
      if (!json) {
        StringBuilder passes = new StringBuilder();
        for (double v : m.afterEachPassMib()) {
          passes.append(passes.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", v));
        }
        out.printf(Locale.ROOT, "memory: a sweep of %d rows, %d evaluations (%.0f s a pass), once to warm up, then %d times: VmRSS %.0f MiB "
            + "before the warm-up, %.0f MiB after it, after each measured pass %s MiB (%+.1f MiB over the measured passes; each after a "
            + "full GC), peak %.0f MiB; JVM heap committed %.0f -> %.0f MiB%n", m.rows(), m.evaluations(), m.seconds(),
            m.afterEachPassMib().size(), m.warmupStartMib(), m.startMib(), passes, m.endMib() - m.startMib(), m.peakMib(),
            m.heapStartMib(), m.heapEndMib());
      }
    } finally {
      dev.convcut.io.AtomicFiles.deleteRecursively(dir);
    }
  }

  static String line(SweepBenchmark.Comparison c) {
    return String.format(Locale.ROOT, "%s: %d layers, %d rows (%d distinct evaluations), %d images: naive %.1f s (%.1f ms/row), "
        + "sweep %.1f s (%.1f ms/row): %.3fx the naive time; largest top-1 difference %.1g", c.model(), c.layers(), c.rows(),
        c.evaluations(), c.images(), c.naiveSeconds(), 1000 * c.naivePerRow(), c.sweepSeconds(), 1000 * c.sweepPerRow(), c.ratio(),
        c.maxTop1Difference());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
