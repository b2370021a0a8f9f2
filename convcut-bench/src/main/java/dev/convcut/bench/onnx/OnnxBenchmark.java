package dev.convcut.bench.onnx;

import ai.djl.ndarray.NDManager;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.engine.Torch;
import dev.convcut.interop.onnx.OnnxExport;
import dev.convcut.interop.onnx.OnnxImport;
import dev.convcut.interop.onnx.OrtLatency;
import dev.convcut.interop.onnx.OrtModel;
import dev.convcut.model.ConvSpec;
import dev.convcut.model.LayerInfo;
import dev.convcut.model.LayerKind;
import dev.convcut.model.Network;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Level;
import dev.convcut.tensorize.Compressor;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.FactorizedLayer;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Latency;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's CNN in ONNX, end to end: import the file (its cost measured, {@link ImportCost}),
 * factorize every convolution with groups = 1 whose kernel is k×k (k &gt; 1, stem excluded when
 * it has fewer than {@link #MIN_TUCKER_CHANNELS} input channels) by Tucker-2 and every 1×1 one by
 * the SVD of the cut {@code o|ihw} (two 1×1 convolutions), each bond keeping fraction {@code keep}
 * of its full rank (optionally rounded to a multiple of {@code rankMultiple}), export the dense
 * and the compressed network as ONNX (BatchNorm folded, as {@link OnnxExport} writes them), and
 * time both side by side in ONNX Runtime
 * and in libtorch ({@link Latency#alternate}) at each batch size. Optionally each factorized
 * layer on its own, dense convolution against its factor chain, in ONNX Runtime.
 */
public final class OnnxBenchmark {
  /** A k×k convolution with fewer input channels (an RGB stem) is left dense: Tucker-2 saves nothing there. */
  static final int MIN_TUCKER_CHANNELS = 16;

  private OnnxBenchmark() {}

  /**
   * What to run. {@code rankMultiple}: round every rank {@code keep} gives to the nearest multiple
   * of it (1: as they are); {@code keepFiles}: a folder to write dense.onnx and compressed.onnx
   * into, or null.
   */
  public record Settings(Path onnx, List<Integer> inputShape, double keep, int rankMultiple, List<Integer> batches, int warmup,
      int repeats, boolean layerTimes, boolean importOnly, Path keepFiles) {
    public Settings {
      batches = List.copyOf(batches);
      if (!(keep > 0 && keep <= 1)) {
        throw new InvalidSettingException(Setting.KEEP, keep, " must be in (0, 1], got " + keep);
      }
      if (rankMultiple < 1) {
        throw new InvalidSettingException(Setting.RANK_MULTIPLE, rankMultiple, " must be >= 1, got " + rankMultiple);
      }
      if (batches.isEmpty() || batches.stream().anyMatch(b -> b < 1)) {
        throw new InvalidSettingException(Setting.BATCHES, batches, " needs positive batch sizes, got " + batches);
      }
      new Latency.Settings(1, warmup, repeats);
    }
  }

  /** The imported file: its size, the import's cost, and the network's shape. */
  public record Import(String file, long bytes, double seconds, double rssBeforeMib, double rssPeakMib, double rssAfterMib,
      long allocatedBytes, String model, int convLayers, long params) {
    public double extraPeakMib() {
      return rssPeakMib - rssBeforeMib;
    }
  }

  /** One batch size timed in both runtimes (medians, milliseconds), with the load average before and after. */
  public record Timing(int batch, Latency.Pair onnxruntime, Latency.Pair libtorch, double loadBefore, double loadAfter) {}

  /** One factorized layer timed alone in ONNX Runtime at {@code batch}. */
  public record LayerTime(String layer, String shape, String method, String ranks, long denseMacs, long macs, int batch,
      Latency.Pair onnxruntime) {}

  /** Everything measured. */
  public record Result(Import imported, int factorized, long convParamsDense, long convParams, long macsDense, long macs,
      String onnxruntime, String libtorch, int threads, List<Timing> timings, List<LayerTime> layers) {
    public double convParamsRatio() {
      return (double) convParamsDense / convParams;
    }

    public double macsRatio() {
      return (double) macsDense / macs;
    }
  }

  /** Runs the benchmark on {@code s.onnx()}; libtorch must be configured with its threads already. */
  public static Result run(Settings s) {
    int threads = Torch.threads();
    long bytes = size(s.onnx());
    try (NDManager manager = NDManager.newBaseManager()) {
      ImportCost<Network> cost = ImportCost.measure(() -> OnnxImport.network(
          OnnxImport.read(s.onnx(), new OnnxImport.Options(s.inputShape(), null)), s.onnx(), manager));
      try (Network dense = cost.result()) {
        long convLayers = dense.layerInfos().stream().filter(l -> l.kind() == LayerKind.CONV).count();
        Import imp = new Import(s.onnx().toString(), bytes, cost.seconds(), cost.rssBeforeMib(), cost.rssPeakMib(),
            cost.rssAfterMib(), cost.allocatedBytes(), dense.spec().model(), (int) convLayers, dense.parameterCount());
        if (s.importOnly()) {
          return new Result(imp, 0, 0, 0, 0, 0, null, Torch.version(), threads, List.of(), List.of());
        }
        List<FactorizedLayer> chosen = factorize(dense, s.keep(), s.rankMultiple());
        try (Network compressed = Compressor.apply(dense, chosen, manager)) {
          byte[] d = OnnxExport.model(dense, true).toByteArray();
          byte[] c = OnnxExport.model(compressed, true).toByteArray();
          if (s.keepFiles() != null) {
            write(s.keepFiles(), d, c);
          }
          List<Timing> timings = new ArrayList<>();
          for (int batch : s.batches()) {
            Latency.Settings ls = new Latency.Settings(batch, s.warmup(), s.repeats());
            double load0 = load();
            long[] shape = {batch, dense.spec().channels(), dense.spec().size(), dense.spec().size()};
            Latency.Pair ort = OrtLatency.files(d, c, shape, ls, threads);
            Latency.Pair torch = Latency.model(dense, compressed, ls);
            timings.add(new Timing(batch, ort, torch, load0, load()));
          }
          List<LayerTime> layers = s.layerTimes() ? layerTimes(dense, compressed, chosen, s, threads) : List.of();
          long[] t = totals(dense, compressed);
          return new Result(imp, chosen.size(), t[0], t[1], t[2], t[3], OrtModel.version(), Torch.version(), threads, timings,
              layers);
        }
      }
    }
  }

  /**
   * Tucker-2 on k×k convolutions, the SVD of {@code o|ihw} on 1×1 ones, each bond keeping
   * {@code keep} of its rank, rounded to the nearest multiple of {@code multiple} (at least
   * {@code multiple}, at most the bond's full rank).
   */
  static List<FactorizedLayer> factorize(Network dense, double keep, int multiple) {
    Factorizer f = Factorizer.standard();
    RankRequest ranks = RankRequest.level(Level.keep(keep));
    List<FactorizedLayer> out = new ArrayList<>();
    for (LayerInfo l : dense.layerInfos()) {
      if (l.kind() != LayerKind.CONV || l.groups() != 1) {
        continue;
      }
      DenseConv conv = DenseConv.of(dense, l.name());
      ConvSpec k = conv.spec();
      Method m;
      int[] full;
      if (k.kernelH() == 1 && k.kernelW() == 1) {
        m = Method.svd(Cut.O_IHW);
        full = new int[] {Math.min(k.outChannels(), k.inChannels())};
      } else if (k.inChannels() >= MIN_TUCKER_CHANNELS) {
        m = Method.parse("tucker2");
        full = new int[] {k.outChannels(), k.inChannels()};
      } else {
        continue;
      }
      FactorizedLayer byKeep = f.factorize(conv, m, ranks);
      int[] rounded = rounded(byKeep.ranks(), full, multiple);
      out.add(java.util.Arrays.equals(rounded, byKeep.ranks().stream().mapToInt(Integer::intValue).toArray()) ? byKeep
          : f.factorize(conv, m, RankRequest.ranks(rounded)));
    }
    return out;
  }

  /** Each rank rounded to the nearest multiple of {@code multiple} (halves up), at least {@code multiple}, at most {@code full}. */
  static int[] rounded(List<Integer> ranks, int[] full, int multiple) {
    int[] r = new int[ranks.size()];
    for (int i = 0; i < r.length; i++) {
      int n = Math.max(multiple, (ranks.get(i) + multiple / 2) / multiple * multiple);
      r[i] = Math.min(n, full[i]);
    }
    return r;
  }

  private static List<LayerTime> layerTimes(Network dense, Network compressed, List<FactorizedLayer> chosen, Settings s,
      int threads) {
    Map<String, LayerInfo> before = new LinkedHashMap<>();
    dense.layerInfos().forEach(l -> before.put(l.name(), l));
    Map<String, LayerInfo> after = new LinkedHashMap<>();
    compressed.layerInfos().forEach(l -> after.put(l.name(), l));
    int batch = s.batches().get(s.batches().size() - 1);
    Latency.Settings ls = new Latency.Settings(batch, s.warmup(), s.repeats());
    List<LayerTime> out = new ArrayList<>();
    for (FactorizedLayer f : chosen) {
      LayerInfo l = before.get(f.name());
      Latency.Pair p = OrtLatency.chain(dense.manager(), f.dense(), f.form(), ls, threads);
      out.add(new LayerTime(f.name(), String.join("x", l.weightShape().stream().map(String::valueOf).toList()),
          f.method().toString(), f.rankText(), l.macs(), after.get(f.name()).macs(), batch, p));
    }
    return out;
  }

  /** {conv params dense, conv params compressed, multiply-adds dense, compressed}. */
  private static long[] totals(Network dense, Network compressed) {
    long[] t = new long[4];
    List<LayerInfo> a = dense.layerInfos();
    List<LayerInfo> b = compressed.layerInfos();
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).kind() == LayerKind.CONV) {
        t[0] += a.get(i).params();
        t[1] += b.get(i).params();
      }
      t[2] += a.get(i).macs();
      t[3] += b.get(i).macs();
    }
    return t;
  }

  private static void write(Path dir, byte[] dense, byte[] compressed) {
    try {
      Files.createDirectories(dir);
      dev.convcut.io.AtomicFiles.write(dir.resolve("dense.onnx"), o -> o.write(dense));
      dev.convcut.io.AtomicFiles.write(dir.resolve("compressed.onnx"), o -> o.write(compressed));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ONNX files into " + dir, e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new dev.convcut.ConvcutException(p + ": cannot read the ONNX file (" + e.getMessage() + ")", e);
    }
  }

  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
