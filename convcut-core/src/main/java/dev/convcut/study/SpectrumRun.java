package dev.convcut.study;

import dev.convcut.ConvcutException;
import dev.convcut.io.OutputLock;
import dev.convcut.io.OutputPlace;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.spectrum.SpectrumReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiment 1 of docs/science.md for a loaded network: the spectrum of every dense conv and linear
 * layer along every non-trivial cut, written as {@code spectrum.csv}, {@code singular_values.json}
 * and {@code run.json} into one folder.
 */
public final class SpectrumRun {
  private SpectrumRun() {}

  /** What was computed and where it went. */
  public record Result(SpectrumReport report, List<Path> files, double seconds) {}

  /**
   * Computes and writes the spectrum; an existing spectrum in {@code out} is replaced only with {@code force}, and a folder
   * another run is writing, a checkpoint, or one holding another command's outputs is refused.
   */
  public static Result run(Network net, Path out, boolean force, Provenance provenance) {
    try (OutputLock lock = OutputLock.acquire(out)) {
      AnalysisFolder.check(out, provenance.command(), force);
      if (!force && Files.exists(out.resolve(SpectrumFiles.CSV))) {
        throw OutputPlace.taken(out.resolve(SpectrumFiles.CSV) + " already exists", true);
      }
      long t0 = System.nanoTime();
      Map<String, Kernel> kernels = new LinkedHashMap<>(LayerKernels.kernels(net, LayerKernels.denseLayers(net)));
      SpectrumReport report = SpectrumReport.compute(kernels);
      List<Path> files = SpectrumFiles.write(report, out);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("layers", report.layers().size());
      summary.put("svd", report.svd());
      summary.put("seconds", seconds);
      provenance.writeTo(out, summary);
      return new Result(report, files, seconds);
    }
  }
}
