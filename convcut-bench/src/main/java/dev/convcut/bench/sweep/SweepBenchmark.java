package dev.convcut.bench.sweep;

import ai.djl.ndarray.NDManager;
import dev.convcut.bench.ResidentMemory;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.study.EvalSet;
import dev.convcut.study.Grid;
import dev.convcut.study.LayerKernels;
import dev.convcut.study.LayerVariants;
import dev.convcut.study.LayerwiseSweep;
import dev.convcut.study.Score;
import dev.convcut.study.SweepOutcome;
import dev.convcut.study.SweepSettings;
import dev.convcut.study.VariantScoring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the sweep's evaluation cost against the naive sweep, side by side in one process on
 * the same network, variants and images. The naive sweep is a real one: for every row (layer,
 * cut, level) it writes that row's truncated kernel and runs a full forward pass over the images;
 * the sweep shares one evaluation between rows that truncate to the same kernel, scores
 * full-rank rows with the baseline, and runs only the network after the layer's stage. Every
 * row's score is checked to be the same both ways. Random weights and random images: the work is
 * the same as on a trained model.
 */
public final class SweepBenchmark {
  private SweepBenchmark() {}

  /** One side-by-side comparison. */
  public record Comparison(String model, int images, int layers, int rows, int evaluations, double naiveSeconds, double sweepSeconds,
      double ratio, double maxTop1Difference, java.util.Map<String, Integer> rowsPerLayer) {
    public double naivePerRow() {
      return naiveSeconds / rows;
    }

    public double sweepPerRow() {
      return sweepSeconds / rows;
    }
  }

  /**
   * Resident memory over a long sweep, run twice: the first pass warms up (the JVM heap and the
   * native allocators grow to their working size), the second is measured — at its start, its
   * highest, and its end — with the JVM's committed heap beside it, so growth of the heap and
   * growth outside it can be told apart.
   */
  public record Memory(int rows, int evaluations, double warmupStartMib, double startMib, double peakMib, double endMib,
      double heapStartMib, double heapEndMib, List<Double> samplesMib, double seconds, List<Double> afterEachPassMib) {}

  /** Random images of a network's input shape. */
  static ImageSet images(ModelSpec spec, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] px = new byte[n * spec.channels() * spec.size() * spec.size()];
    int[] labels = new int[n];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) rnd.nextInt(256);
    }
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < spec.classes(); c++) {
      classes.add("c" + c);
    }
    for (int i = 0; i < n; i++) {
      labels[i] = rnd.nextInt(spec.classes());
    }
    return new ImageSet("random", "test", spec.channels(), spec.size(), spec.size(), classes, px, labels);
  }

  static EvalSet eval(ModelSpec spec, int n, long seed) {
    double[] half = new double[spec.channels()];
    java.util.Arrays.fill(half, 0.5);
    return EvalSet.of(images(spec, n, seed), new Normalization(half, half), 0, seed);
  }

  /**
   * Compares the sweep with the naive sweep on {@code layers} of a random {@code spec} network
   * (null: every conv layer) over {@code grid}, on {@code images} random images.
   */
  public static Comparison compare(ModelSpec spec, List<String> layers, Grid grid, int images, int batch, long seed) {
    try (NDManager manager = NDManager.newBaseManager(); Network net = ModelZoo.build(spec, manager, seed)) {
      EvalSet eval = eval(spec, images, seed);
      List<String> chosen = layers == null ? LayerKernels.convLayers(net) : layers;
      Score baseline = VariantScoring.full(net, eval, batch, null);
      int rows = 0;
      int evaluations = 0;
      double naive = 0;
      double fast = 0;
      double maxDiff = 0;
      java.util.Map<String, Integer> perLayer = new java.util.LinkedHashMap<>();
      for (String layer : chosen) {
        LayerVariants lv = LayerVariants.of(layer, LayerKernels.kernel(net, layer), grid.cuts(), grid.levels());
        List<LayerVariants.Variant> variants = lv.variants();
        List<float[]> perRow = new ArrayList<>();
        for (LayerVariants.Variant v : variants) {
          perRow.add(v.fullRank() ? lv.kernel().toFloatArray() : lv.truncated(v.evaluation()).toFloatArray());
        }
        long t0 = System.nanoTime();
        List<Score> naiveScores = VariantScoring.naive(net, layer, perRow, eval, batch, null);
        naive += (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<String> keys = lv.evaluations();
        List<float[]> distinct = new ArrayList<>();
        for (String k : keys) {
          distinct.add(lv.truncated(k).toFloatArray());
        }
        List<Score> fastScores = VariantScoring.variants(net, layer, distinct, eval, batch, null);
        fast += (System.nanoTime() - t1) / 1e9;
        for (int i = 0; i < variants.size(); i++) {
          LayerVariants.Variant v = variants.get(i);
          Score s = v.fullRank() ? baseline : fastScores.get(keys.indexOf(v.evaluation()));
          maxDiff = Math.max(maxDiff, Math.abs(s.top1() - naiveScores.get(i).top1()));
        }
        rows += variants.size();
        perLayer.put(layer, variants.size());
        evaluations += keys.size();
      }
      return new Comparison(spec.model(), images, chosen.size(), rows, evaluations, naive, fast, fast / naive, maxDiff, perLayer);
    }
  }

  /**
   * Runs the real sweep ({@link LayerwiseSweep}) of a random cnn4 over rank levels {@code rank1..rankMax}
   * on every conv layer into {@code out}: once to warm up, then {@code passes} times measured,
   * sampling the resident memory every {@code sampleMillis} and after a full GC at the end of each pass.
   */
  public static Memory memory(ModelSpec spec, int rankMax, int images, int batch, long seed, Path out, long sampleMillis, int passes) {
    if (passes < 1) {
      throw new IllegalArgumentException("passes must be ≥ 1, got " + passes);
    }
    StringBuilder levels = new StringBuilder();
    for (int k = 1; k <= rankMax; k++) {
      levels.append(k == 1 ? "" : ",").append("rank").append(k);
    }
    try (NDManager manager = NDManager.newBaseManager(); Network net = ModelZoo.build(spec, manager, seed)) {
      EvalSet eval = eval(spec, images, seed);
      VariantScoring.full(net, eval, batch, null);
      Grid grid = Grid.parse(null, levels.toString());
      double warmup = ResidentMemory.mib();
      sweep(net, eval, grid, batch, out.resolve("warm-up"), seed);
      // Collect garbage first, so what remains is what the sweep holds (heap and direct buffers alike).
      System.gc();
      double start = ResidentMemory.mib();
      double heapStart = heapMib();
      ResidentMemory.Sampler sampler = ResidentMemory.Sampler.start(sampleMillis);
      SweepOutcome o = null;
      List<Double> afterEach = new ArrayList<>();
      try {
        for (int pass = 1; pass <= passes; pass++) {
          o = sweep(net, eval, grid, batch, out.resolve("measured-" + pass), seed);
          System.gc();
          afterEach.add(ResidentMemory.mib());
        }
      } finally {
        sampler.close();
      }
      double peak = sampler.peak();
      System.gc();
      double end = ResidentMemory.mib();
      return new Memory(o.rows(), o.evaluations(), warmup, start, Math.max(peak, end), end, heapStart, heapMib(), sampler.samples(),
          o.seconds(), afterEach);
    }
  }

  private static SweepOutcome sweep(Network net, EvalSet eval, Grid grid, int batch, Path out, long seed) {
    return LayerwiseSweep.run(net, eval, new SweepSettings(LayerKernels.convLayers(net), grid, batch, out, true, false), "random",
        "random-weights-" + seed, Provenance.start("bench sweep", List.of()));
  }

  private static double heapMib() {
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / (1024.0 * 1024.0);
  }
}
