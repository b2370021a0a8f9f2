package dev.convcut.bench.spectrum;

import dev.convcut.ConvcutException;
import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.Npz;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.linalg.Lapack;
import dev.convcut.tensor.linalg.Matrix;
import dev.convcut.tensor.linalg.Svd;
import dev.convcut.tensor.spectrum.CutEntry;
import dev.convcut.tensor.spectrum.CutJobs;
import dev.convcut.tensor.spectrum.LayerSpectrum;
import dev.convcut.tensor.spectrum.SpectrumReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code convcut bench spectrum}: the SVDs of every cut of random kernels with ResNet-50's shapes,
 * timed in convcut and in the numpy peer on the same kernels in the same invocation, with the
 * singular values checked against numpy's. convcut is timed twice: doing exactly the peer's work
 * (one SVD per non-trivial cut, one thread) and the way {@code convcut spectrum} works (coinciding
 * cuts once, {@code threads} threads). The native library is loaded before timing starts.
 */
public final class SpectrumBenchmark {
  private SpectrumBenchmark() {}

  /**
   * What to measure: singular vectors too or values only; {@code float64} or {@code float32}; the
   * SVD; threads for the spectrum-style run; the seed of the random kernels; the first {@code
   * limit} shapes only (0 = all); where Python and the peer are; whether to check agreement.
   */
  public record Options(boolean vectors, String dtype, Svd svd, int threads, long seed, int limit, Path python, Path peerDir,
      boolean check) {
    public Options {
      if (!dtype.equals("float64") && !dtype.equals("float32")) {
        throw new InvalidSettingException(Setting.DTYPE, dtype, " must be float64 or float32, got '" + dtype + "'");
      }
      if (threads < 1) {
        throw new InvalidSettingException(Setting.THREADS, threads, " must be ≥ 1, got " + threads);
      }
      if (limit < 0) {
        throw new InvalidSettingException(Setting.LIMIT, limit, " must be ≥ 0, got " + limit);
      }
    }

    boolean single() {
      return dtype.equals("float32");
    }
  }

  /** One timed line of the table. */
  public record Row(String what, int svds, double seconds) {}

  /**
   * The outcome: kernels measured, the timed rows (the peer's first when it ran), why the peer did
   * not run (or {@code null}), the peer's numpy and BLAS (or {@code null}), the agreement check (or {@code null}), and the setting.
   */
  public record Result(Options options, int kernels, List<Row> rows, String peerNote, String peerBlas, Agreement agreement, String blas,
      double loadBefore, double loadAfter) {
    public Result {
      rows = List.copyOf(rows);
    }
  }

  /** Runs the benchmark; notes on progress go to {@code log}. */
  public static Result run(Options o, Consumer<String> log) {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    NumpyPeer.Availability peer = NumpyPeer.locate(o.python(), o.peerDir());
    Npz npz = new Npz();
    Map<String, Kernel> kernels = randomKernels(o, npz);
    Path work = null;
    try {
      work = Files.createTempDirectory("convcut-bench-spectrum");
      Path file = work.resolve("kernels.npz");
      npz.write(file);
      List<Row> rows = new ArrayList<>();
      if (peer.get().isPresent()) {
        log.accept("bench spectrum: numpy peer (" + peer.blas() + "), " + (o.vectors() ? "thin SVD with vectors" : "values only") + ", "
            + o.dtype() + " ...");
        NumpyPeer.Timing t = peer.peer().time(file, o.vectors(), o.dtype());
        rows.add(new Row(t.impl() + " (peer)", t.svds(), t.seconds()));
      } else {
        log.accept("bench spectrum: no peer figures: " + peer.whyNot());
      }
      o.svd().values(Matrix.of(2, 2, new double[] {1, 2, 3, 4})); // load the native library before timing
      log.accept("bench spectrum: convcut, same SVDs as the peer, one at a time ...");
      rows.add(timeSameWork(o, kernels));
      log.accept("bench spectrum: convcut, coinciding cuts once, " + threads(o.threads()) + " ...");
      Map<String, double[]> values = new HashMap<>();
      rows.add(o.vectors() ? timeDistinctThin(o, kernels, values) : timeSpectrum(o, kernels, values));
      Agreement agreement = null;
      if (o.check() && peer.get().isPresent()) {
        log.accept("bench spectrum: numpy singular values for the agreement check ...");
        agreement = Agreement.compare(values, peer.peer().singularValues(file, o.dtype(), work), o.single());
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return new Result(o, kernels.size(), rows, peer.whyNot(), peer.blas(), agreement, Lapack.describe(), loadBefore,
          loadAfter);
    } catch (IOException e) {
      throw new ConvcutException("could not create a temporary directory for the benchmark: " + e.getMessage(), e);
    } finally {
      AtomicFiles.deleteRecursively(work);
    }
  }

  /** Gaussian kernels from the seed, also added to {@code npz} under the same names. */
  private static Map<String, Kernel> randomKernels(Options o, Npz npz) {
    List<int[]> shapes = ResNetShapes.resnet50Cifar();
    if (o.limit() > 0 && o.limit() < shapes.size()) {
      shapes = shapes.subList(0, o.limit());
    }
    Random rng = new Random(o.seed());
    Map<String, Kernel> kernels = new LinkedHashMap<>();
    for (int n = 0; n < shapes.size(); n++) {
      int[] shape = shapes.get(n);
      String name = String.format("conv%02d", n);
      float[] f = new float[shape[0] * shape[1] * shape[2] * shape[3]];
      double[] d = new double[f.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = rng.nextGaussian();
        f[k] = (float) d[k];
      }
      if (o.single()) {
        kernels.put(name, Kernel.of(f, shape));
        npz.add(name, f, shape);
      } else {
        kernels.put(name, Kernel.of(d, shape));
        npz.add(name, d, shape);
      }
    }
    return kernels;
  }

  /** The peer's exact work: an SVD of every non-trivial cut, one thread. */
  private static Row timeSameWork(Options o, Map<String, Kernel> kernels) {
    List<CutJobs.Job> all = CutJobs.all(kernels);
    long t0 = System.nanoTime();
    CutJobs.run(all, job -> decompose(o, job), 1);
    return new Row("convcut " + o.svd().name() + ", same SVDs, one at a time", all.size(), (System.nanoTime() - t0) / 1e9);
  }

  /** {@code convcut spectrum}'s work; fills {@code values} by {@code layer/cut}. */
  private static Row timeSpectrum(Options o, Map<String, Kernel> kernels, Map<String, double[]> values) {
    long t0 = System.nanoTime();
    SpectrumReport report = SpectrumReport.compute(kernels, o.svd(), o.threads());
    double seconds = (System.nanoTime() - t0) / 1e9;
    for (LayerSpectrum l : report.layers()) {
      for (CutEntry e : l.cuts()) {
        values.put(l.layer() + "/" + e.cut(), e.singularValues());
      }
    }
    return new Row("convcut spectrum, coinciding cuts once, " + threads(o.threads()), CutJobs.distinct(kernels).size(), seconds);
  }

  /** One thin SVD per distinct matricization, as a sweep precomputes them; fills {@code values}. */
  private static Row timeDistinctThin(Options o, Map<String, Kernel> kernels, Map<String, double[]> values) {
    List<CutJobs.Job> distinct = CutJobs.distinct(kernels);
    long t0 = System.nanoTime();
    List<CutSvd> svds = CutJobs.run(distinct, job -> CutSvd.of(job.kernel(), job.cut(), o.svd()), o.threads());
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, double[]> byRepresentative = new HashMap<>();
    for (int x = 0; x < distinct.size(); x++) {
      byRepresentative.put(distinct.get(x).layer() + "/" + distinct.get(x).cut(), svds.get(x).spectrum().values());
    }
    for (CutJobs.Job job : CutJobs.all(kernels)) {
      Cut rep = Cut.representatives(job.kernel()).get(job.cut());
      values.put(job.layer() + "/" + job.cut(), byRepresentative.get(job.layer() + "/" + rep));
    }
    return new Row("convcut CutSvd, coinciding cuts once, " + threads(o.threads()), distinct.size(), seconds);
  }

  private static String threads(int n) {
    return n == 1 ? "one at a time" : n + " at a time";
  }

  private static Object decompose(Options o, CutJobs.Job job) {
    Matrix m = job.cut().matricize(job.kernel());
    return o.vectors() ? o.svd().thin(m) : o.svd().values(m);
  }
}
