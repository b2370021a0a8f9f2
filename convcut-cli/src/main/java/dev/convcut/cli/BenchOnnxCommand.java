package dev.convcut.cli;

import dev.convcut.ConvcutException;
import dev.convcut.bench.PeerBench;
import dev.convcut.bench.onnx.OnnxBenchmark;
import dev.convcut.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convcut bench onnx}: an ONNX CNN imported, factorized, exported, and both files timed in ONNX Runtime and libtorch. */
@Command(name = "onnx", mixinStandardHelpOptions = true,
    description = {"A CNN as ONNX in, a compressed ONNX model out, timed: import the file (wall time, resident memory, Java "
        + "allocation), factorize every k×k convolution by Tucker-2 and every 1×1 one by the SVD of the cut o|ihw (each bond "
        + "keeping --keep of its rank; grouped convolutions and an RGB stem stay dense), export the dense and the compressed "
        + "network as ONNX, and time both side by side, alternating, in ONNX Runtime and in libtorch at each --batches size. "
        + "Without --onnx, PyTorch (bench/export_torchvision.py, Debian's python3-torch) first exports torchvision's --model "
        + "with random weights at --size.", "Minutes; never part of the tests."},
    footer = {"", "Examples:", "  convcut bench onnx --threads 2                         # torchvision resnet50, 224x224, batch 1 and 16",
        "  convcut bench onnx --onnx resnet50.onnx --import-only   # the import's time and memory only",
        "  convcut bench onnx --keep 0.4 --layer-times --keep-files /tmp/r50 --json"})
final class BenchOnnxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--onnx", paramLabel = "FILE", description = "The ONNX file (default: export torchvision's --model).")
  Path onnx;

  @Option(names = "--model", paramLabel = "NAME", description = "torchvision model to export without --onnx (default: ${DEFAULT-VALUE}).")
  String model = "resnet50";

  @Option(names = "--size", paramLabel = "PX", description = "Input height and width of the export (default: ${DEFAULT-VALUE}).")
  int size = 224;

  @Option(names = "--input-shape", split = ",", paramLabel = "C,H,W", description = "For a file whose input size is not fixed.")
  List<Integer> inputShape;

  @Option(names = "--keep", paramLabel = "F", description = "Kept fraction of each bond's full rank (default: ${DEFAULT-VALUE}).")
  double keep = 0.4;

  @Option(names = "--rank-multiple", paramLabel = "M", description = "Round every rank to the nearest multiple of M (at least M;"
      + " 16 fits ONNX Runtime's blocked NCHWc convolutions on AVX-512, 8 on AVX2) (default: ${DEFAULT-VALUE}: as --keep gives them).")
  int rankMultiple = 1;

  @Option(names = "--batches", split = ",", paramLabel = "N", description = "Batch sizes to time (default: ${DEFAULT-VALUE}).")
  List<Integer> batches = List.of(1, 16);

  @Option(names = "--warmup", paramLabel = "N", description = "Untimed passes of each (default: ${DEFAULT-VALUE}).")
  int warmup = 3;

  @Option(names = "--repeats", paramLabel = "N", description = "Timed samples of each, median reported (default: ${DEFAULT-VALUE}).")
  int repeats = 20;

  @Option(names = "--layer-times", description = "Also each factorized layer alone in ONNX Runtime (the largest batch): dense convolution against its factor chain.")
  boolean layerTimes;

  @Option(names = "--import-only", description = "Measure the import and stop.")
  boolean importOnly;

  @Option(names = "--keep-files", paramLabel = "DIR", description = "Write dense.onnx and compressed.onnx into DIR.")
  Path keepFiles;

  @Option(names = "--python", paramLabel = "EXE", description = "Python with torch and torchvision (default: ${DEFAULT-VALUE}).")
  String python = "/usr/bin/python3";

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws Exception {
    OnnxBenchmark.Settings settings;
    try {
      settings = new OnnxBenchmark.Settings(onnx, inputShape, keep, rankMultiple, batches, warmup, repeats, layerTimes, importOnly, keepFiles);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    engine.start();
    Path tmp = null;
    try {
      if (onnx == null) {
        tmp = Files.createTempDirectory("convcut-bench-onnx");
        settings = new OnnxBenchmark.Settings(export(tmp), inputShape, keep, rankMultiple, batches, warmup, repeats, layerTimes, importOnly,
            keepFiles);
      }
      OnnxBenchmark.Result r = OnnxBenchmark.run(settings);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("result", r);
        doc.put("keep", keep);
        doc.put("rankMultiple", rankMultiple);
        doc.put("environment", BenchTrainCommand.allocatorEnvironment());
        out.print(Json.write(doc));
      } else {
        print(out, r);
      }
      out.flush();
      return 0;
    } finally {
      if (tmp != null) {
        try (Stream<Path> files = Files.walk(tmp)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private Path export(Path dir) throws IOException, InterruptedException {
    Path script = PeerBench.shipped("export_torchvision.py");
    if (!Files.isRegularFile(script)) {
      throw new ConvcutException("cannot find bench/export_torchvision.py (looked at " + script + "); pass --onnx FILE");
    }
    Path file = dir.resolve(model + ".onnx");
    List<String> cmd = List.of(python, script.toString(), "--model", model, "--size", Integer.toString(size), "--out",
        file.toString());
    spec.commandLine().getErr().println("exporting with PyTorch: " + String.join(" ", cmd));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new ConvcutException(script + " exited with status " + p.exitValue() + " (needs python3-torch and python3-torchvision)");
    }
    spec.commandLine().getErr().println(said);
    return file;
  }

  private void print(PrintWriter out, OnnxBenchmark.Result r) {
    OnnxBenchmark.Import i = r.imported();
    out.printf(Locale.ROOT, "import %s (%.1f MB, %s, %d convolutions, %d parameters): %.2f s; resident memory %.0f MiB before,"
        + " peak %.0f MiB (+%.0f MiB = %.2fx the file), %.0f MiB after; Java heap allocated %.0f MiB (%.2fx the file)%n",
        i.file(), i.bytes() / 1e6, i.model(), i.convLayers(), i.params(), i.seconds(), i.rssBeforeMib(), i.rssPeakMib(),
        i.extraPeakMib(), i.extraPeakMib() * 1048576 / i.bytes(), i.rssAfterMib(), i.allocatedBytes() / 1048576.0,
        (double) i.allocatedBytes() / i.bytes());
    if (r.timings().isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "compressed: %d convolutions factorized (Tucker-2 on k×k, SVD o|ihw on 1×1, keep %.2f%s);"
        + " convolution parameters %d -> %d (%.2fx fewer); multiply-adds per image %d -> %d (%.2fx fewer)%n", r.factorized(),
        keep, rankMultiple > 1 ? ", ranks rounded to multiples of " + rankMultiple : "", r.convParamsDense(), r.convParams(), r.convParamsRatio(), r.macsDense(), r.macs(), r.macsRatio());
    out.printf(Locale.ROOT, "%d threads; ONNX Runtime %s (BatchNorm folded, all graph optimizations); libtorch %s%n",
        r.threads(), r.onnxruntime(), r.libtorch());
    out.printf(Locale.ROOT, "%5s  %12s %12s %7s %7s  %12s %12s %7s %7s  %s%n", "batch", "ORT dense", "ORT compr.", "ORT x",
        "cpu x", "torch dense", "torch compr.", "torch x", "cpu x", "load before/after");
    for (OnnxBenchmark.Timing t : r.timings()) {
      out.printf(Locale.ROOT, "%5d  %9.2f ms %9.2f ms %6.2fx %6.2fx  %9.2f ms %9.2f ms %6.2fx %6.2fx  %.2f/%.2f%n", t.batch(),
          t.onnxruntime().denseMs(), t.onnxruntime().factorizedMs(), t.onnxruntime().speedup(), t.onnxruntime().cpuSpeedup(),
          t.libtorch().denseMs(), t.libtorch().factorizedMs(), t.libtorch().speedup(), t.libtorch().cpuSpeedup(),
          t.loadBefore(), t.loadAfter());
    }
    double dense = 0;
    double chain = 0;
    for (OnnxBenchmark.LayerTime l : r.layers()) {
      out.printf(Locale.ROOT, "  %-26s %-14s %-10s %-10s MACs %5.2fx fewer  ORT batch %d: dense %8.3f ms, chain %8.3f ms, %5.2fx%n",
          l.layer(), l.shape(), l.method(), l.ranks(), (double) l.denseMacs() / l.macs(), l.batch(), l.onnxruntime().denseMs(),
          l.onnxruntime().factorizedMs(), l.onnxruntime().speedup());
      dense += l.onnxruntime().denseMs();
      chain += l.onnxruntime().factorizedMs();
    }
    if (!r.layers().isEmpty()) {
      out.printf(Locale.ROOT, "  factorized layers alone, summed: dense %.2f ms, chains %.2f ms (%.2fx)%n", dense, chain,
          dense / chain);
    }
  }
}
