package dev.convcut.cli;

import ai.djl.ndarray.NDManager;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.interop.onnx.OrtRuntime;
import dev.convcut.io.Json;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Network;
import dev.convcut.tensorize.CompressionReport;
import dev.convcut.tensorize.Latency;
import dev.convcut.tensorize.TorchRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** {@code convcut bench latency}: a dense and a compressed checkpoint timed side by side in one fresh process. */
@Command(name = "latency", mixinStandardHelpOptions = true,
    description = {"Time the CPU inference latency of two checkpoints of the same architecture side by side — typically the "
        + "dense model and what 'convcut compress' made of it — the way compress does (same random batch, same threads, "
        + "untimed warm-up passes, then alternating timed passes, medians of wall and process CPU time), in a fresh process "
        + "with libtorch's default kernels unless ONEDNN_MAX_CPU_ISA is set: to time checkpoints again, at another batch or "
        + "thread count, or ones written by compress runs that capped the kernels (docs/compress.md, \"Numerics\"). --layers "
        + "adds each factorized layer against its dense convolution. --runtime onnxruntime (or both) also exports both "
        + "checkpoints as ONNX (BatchNorm folded, as 'convcut export --format onnx' writes them) and times them the same way "
        + "in ONNX Runtime's CPU provider with --threads intra-op threads, after the libtorch pair.",
        "Seconds to minutes; never part of the tests."},
    footer = {"", "Examples:", "  convcut bench latency --dense runs/resnet20-fmnist --compressed runs/r20-x4 --threads 2",
        "  convcut bench latency --dense runs/cnn4-fmnist --compressed runs/cnn4-x4 --batch 1 --repeats 50 --layers --json",
        "  convcut bench latency --dense runs/cnn4-fmnist --compressed runs/cnn4-x4 --runtime both --threads 2"})
final class BenchLatencyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dense", required = true, paramLabel = "DIR", description = "The reference checkpoint (usually dense).")
  Path dense;

  @Option(names = "--compressed", required = true, paramLabel = "DIR", description = "The checkpoint to compare with it.")
  Path compressed;

  @Option(names = "--batch", paramLabel = "N", description = "Images per forward pass (default: ${DEFAULT-VALUE}).")
  int batch = 128;

  @Option(names = "--warmup", paramLabel = "N", description = "Untimed passes of each first (default: ${DEFAULT-VALUE}).")
  int warmup = 3;

  @Option(names = "--repeats", paramLabel = "N", description = "Timed samples of each; the median is reported (default: ${DEFAULT-VALUE}).")
  int repeats = 20;

  @Option(names = "--layers", description = "Also time every layer that differs in form (factorized in one checkpoint, dense in the other).")
  boolean layers;

  @Option(names = "--runtime", paramLabel = "libtorch|onnxruntime|both",
      description = "Which runtime times the pair (default: ${DEFAULT-VALUE}).")
  String runtime = "libtorch";

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    Latency.Settings settings;
    try {
      settings = new Latency.Settings(batch, warmup, repeats);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--batch, --warmup, --repeats: " + e.getMessage());
    }
    boolean libtorch = runtime.equals("libtorch") || runtime.equals("both");
    boolean ort = runtime.equals("onnxruntime") || runtime.equals("both");
    if (!libtorch && !ort) {
      throw new UsageException("--runtime must be libtorch, onnxruntime or both, got '" + runtime + "'");
    }
    if (layers && !libtorch) {
      throw new UsageException("--layers times the layers in libtorch; use it with --runtime libtorch or both");
    }
    engine.start();
    PrintWriter out = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager();
        Checkpoint d = Checkpoints.load(dense, manager);
        Checkpoint c = Checkpoints.load(compressed, manager)) {
      Network dn = d.network();
      Network cn = c.network();
      checkComparable(dn.spec(), cn.spec());
      CompressionReport.Speed speed = libtorch ? CompressionReport.Speed.measure(new TorchRuntime(), dn, cn, settings) : null;
      Map<String, Latency.Pair> perLayer = layers ? Latency.layers(dn, cn, differing(dn, cn), settings) : Map.of();
      CompressionReport.Speed ortSpeed = ort ? CompressionReport.Speed.measure(new OrtRuntime(), dn, cn, settings) : null;
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dense", dense.toString());
        doc.put("compressed", compressed.toString());
        doc.put("runtime", runtime);
        if (speed != null) {
          doc.put("speed", speed);
          doc.put("speedup", speed.speedup());
          doc.put("layers", perLayer);
        }
        if (ortSpeed != null) {
          doc.put("onnxruntime", ortSpeed);
        }
        doc.put("environment", BenchTrainCommand.allocatorEnvironment());
        out.print(Json.write(doc));
      } else {
        out.println(dense + " vs " + compressed + ":");
        if (speed != null) {
          out.println((ort ? "libtorch:    " : "") + speed.line());
        }
        perLayer.forEach((name, p) -> out.printf(Locale.ROOT, "  %-24s dense %8.3f ms  compressed %8.3f ms  %5.2fx  (CPU %5.2fx)%n",
            name, p.denseMs(), p.factorizedMs(), p.speedup(), p.cpuSpeedup()));
        if (ortSpeed != null) {
          out.println("onnxruntime: " + ortSpeed.line());
        }
      }
      out.flush();
      return 0;
    }
  }

  private void checkComparable(ModelSpec a, ModelSpec b) {
    if (!a.model().equals(b.model()) || a.channels() != b.channels() || a.size() != b.size() || a.classes() != b.classes()) {
      throw new UsageException("--dense " + dense + " is " + describe(a) + " but --compressed " + compressed + " is " + describe(b)
          + "; both must be the same architecture on the same input");
    }
  }

  private static String describe(ModelSpec s) {
    return s.model() + " on " + s.channels() + "x" + s.size() + "x" + s.size() + " with " + s.classes() + " classes";
  }

  /** Layers factorized in exactly one of the two (by name), in forward order. */
  private static List<String> differing(Network a, Network b) {
    List<String> out = new ArrayList<>();
    for (String name : b.layerNames()) {
      boolean fa = a.forms().containsKey(name);
      boolean fb = b.forms().containsKey(name);
      if (fa != fb || (fa && !a.forms().get(name).equals(b.forms().get(name)))) {
        out.add(name);
      }
    }
    return out;
  }
}
