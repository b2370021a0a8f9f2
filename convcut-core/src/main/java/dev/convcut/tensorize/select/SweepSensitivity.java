package dev.convcut.tensorize.select;

import dev.convcut.report.data.Sweep;
import dev.convcut.report.data.SweepPoint;
import dev.convcut.tensor.Cut;
import dev.convcut.tensorize.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sensitivity read from a layer-wise sweep ({@code sweep.csv}, docs/formats.md): a truncation of
 * one layer along a cut to rank {@code k} computes exactly what {@code svd:<cut>} at rank {@code
 * k} computes, so the sweep's {@code delta_top1} for that (layer, cut, rank) is the candidate's.
 * It knows nothing about Tucker-2, CP or tensor trains, nor ranks the sweep did not visit.
 */
public final class SweepSensitivity implements SensitivityTable {
  private final Path file;
  private final Map<String, Double> deltas = new HashMap<>();

  private SweepSensitivity(Path file, List<SweepPoint> points) {
    this.file = file;
    for (SweepPoint p : points) {
      if (p.rank() > 0) {
        deltas.put(key(p.layer(), Cut.parse(p.cut()), p.rank()), p.deltaTop1());
      }
    }
  }

  /** Reads {@code sweep.csv} (or a sweep directory holding one). */
  public static SweepSensitivity read(Path path) {
    Path file = path.toFile().isDirectory() ? path.resolve("sweep.csv") : path;
    return new SweepSensitivity(file, Sweep.read(file).points());
  }

  /** Rows with a rank: (layer, cut, rank) triples it can answer for. */
  public int size() {
    return deltas.size();
  }

  private static String key(String layer, Cut cut, long rank) {
    return layer + " " + cut + " " + rank;
  }

  @Override
  public Map<Candidate, Double> deltas(String layer, List<Candidate> candidates) {
    Map<Candidate, Double> out = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      Cut cut = c.method().decomposition().sweptCut(c.method());
      if (cut != null) {
        Double d = deltas.get(key(layer, cut, c.ranks().get(0)));
        if (d != null) {
          out.put(c, d);
        }
      }
    }
    return out;
  }

  @Override
  public String source() {
    return "sweep " + file;
  }
}
