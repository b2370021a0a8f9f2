package dev.convcut.study;

import dev.convcut.io.AtomicFiles;
import dev.convcut.io.CsvTable;
import dev.convcut.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How noisy the evaluation set makes a sweep row's verdict: for the sweep rows whose top-1
 * difference lies nearest the tolerance (the verdicts that noise could flip), the variant is
 * scored again image by image beside the dense network, and {@code noise.csv} records the
 * disagreements and the paired standard error of the difference ({@link PairedDifference}).
 * One row per layer first (the nearest row of each layer, nearest layers first), so a few rows
 * cover several depths. Written once, atomically; a run that finds it skips the step.
 */
public final class EvalNoise {
  public static final String CSV = "noise.csv";
  public static final List<String> COLUMNS = List.of("layer", "cut", "level", "eval_samples", "delta_top1", "dense_only", "variant_only",
      "disagreement", "se_points");

  private EvalNoise() {}

  /** A sweep row to measure. */
  public record Pick(String layer, String cut, String level, String evaluation, double deltaTop1) {}

  /**
   * Measures {@code count} rows of {@code sweepCsv} (see the class comment) on {@code eval} and
   * writes {@code out/noise.csv}; does nothing when that file exists.
   */
  public static Path run(Network net, EvalSet eval, Path sweepCsv, Path out, int count, double tolerance, int batchSize) {
    Path csv = out.resolve(CSV);
    if (Files.isRegularFile(csv)) {
      return csv;
    }
    List<Pick> picks = pick(sweepCsv, count, tolerance);
    BitSet dense = VariantScoring.hits(net, null, List.of(), eval, batchSize).get(0);
    Map<String, List<Pick>> byLayer = new LinkedHashMap<>();
    picks.forEach(p -> byLayer.computeIfAbsent(p.layer(), k -> new ArrayList<>()).add(p));
    StringBuilder text = new StringBuilder(Csv.row(COLUMNS));
    for (var e : byLayer.entrySet()) {
      String layer = e.getKey();
      List<float[]> weights = new ArrayList<>();
      for (Pick p : e.getValue()) {
        Grid g = Grid.parse(p.cut(), p.level());
        LayerVariants lv = LayerVariants.of(layer, LayerKernels.kernel(net, layer), g.cuts(), g.levels());
        weights.add(lv.truncated(lv.variants().get(0).evaluation()).toFloatArray());
      }
      List<BitSet> hits = VariantScoring.hits(net, layer, weights, eval, batchSize);
      for (int i = 0; i < weights.size(); i++) {
        Pick p = e.getValue().get(i);
        PairedDifference d = PairedDifference.of(dense, hits.get(i), eval.size());
        text.append(Csv.row(List.of(layer, p.cut(), p.level(), eval.size(), d.deltaPoints(), d.denseOnly(), d.variantOnly(),
            d.disagreement(), d.standardErrorPoints())));
      }
    }
    try {
      Files.createDirectories(out);
    } catch (java.io.IOException ex) {
      throw new dev.convcut.ConvcutException("could not create " + out + ": " + ex.getMessage(), ex);
    }
    AtomicFiles.writeString(csv, text.toString());
    return csv;
  }

  /**
   * The rows to measure: truncated rows (not the full-rank ones, which are the dense network)
   * ordered by how near their top-1 difference lies to {@code -tolerance}; the nearest row of each
   * layer first, then the next nearest rows, {@code count} in all.
   */
  public static List<Pick> pick(Path sweepCsv, int count, double tolerance) {
    List<Pick> rows = CsvTable.read(sweepCsv).rows().stream()
        .filter(r -> !r.text("evaluation").equals(SweepRow.BASELINE) && !r.text("level").equals(SweepRow.BASELINE))
        .map(r -> new Pick(r.text("layer"), r.text("cut"), r.text("level"), r.text("evaluation"), r.number("delta_top1")))
        .sorted(Comparator.comparingDouble((Pick p) -> Math.abs(p.deltaTop1() + tolerance)).thenComparing(Pick::layer)
            .thenComparing(Pick::cut).thenComparing(Pick::level))
        .toList();
    List<Pick> chosen = new ArrayList<>();
    Set<String> layers = new HashSet<>();
    Set<String> evaluations = new HashSet<>();
    for (boolean firstPass : new boolean[] {true, false}) {
      for (Pick p : rows) {
        if (chosen.size() == count) {
          return chosen;
        }
        if ((firstPass && layers.contains(p.layer())) || !evaluations.add(p.layer() + " " + p.evaluation())) {
          continue;
        }
        layers.add(p.layer());
        chosen.add(p);
      }
    }
    return chosen;
  }
}
