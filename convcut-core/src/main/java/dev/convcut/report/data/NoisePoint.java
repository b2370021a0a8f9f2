package dev.convcut.report.data;

import dev.convcut.io.CsvTable;
import java.nio.file.Path;
import java.util.List;

/**
 * One row of noise.csv: a sweep row's variant scored image by image beside the dense network on
 * the same evaluation set, with the paired standard error of their top-1 difference.
 *
 * @param denseOnly images only the dense network got right
 * @param variantOnly images only the variant got right
 * @param disagreement the share of images on which exactly one of the two was right
 * @param sePoints the paired standard error of the top-1 difference, in percentage points
 */
public record NoisePoint(String layer, String cut, String level, long evalSamples, double deltaTop1, long denseOnly, long variantOnly,
    double disagreement, double sePoints) {

  static final String[] REQUIRED = {"layer", "cut", "level", "eval_samples", "delta_top1", "dense_only", "variant_only",
      "disagreement", "se_points"};

  public NoisePoint {
    Checks.notBlank("layer", layer);
    Checks.atLeast("eval_samples", evalSamples, 2);
    Checks.atLeast("dense_only", denseOnly, 0);
    Checks.atLeast("variant_only", variantOnly, 0);
    Checks.fraction("disagreement", disagreement);
    Checks.finite("delta_top1", deltaTop1);
    Checks.finite("se_points", sePoints);
  }

  /** Reads every row of a noise.csv. */
  public static List<NoisePoint> read(Path file) {
    CsvTable table = CsvTable.read(file).require(REQUIRED);
    return table.rows().stream().map(r -> r.build(() -> new NoisePoint(r.required("layer"), r.required("cut"), r.required("level"),
        r.integer("eval_samples"), r.number("delta_top1"), r.integer("dense_only"), r.integer("variant_only"), r.number("disagreement"),
        r.number("se_points")))).toList();
  }
}
