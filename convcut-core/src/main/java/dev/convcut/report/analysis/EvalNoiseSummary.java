package dev.convcut.report.analysis;

import dev.convcut.report.data.NoisePoint;
import java.util.List;
import java.util.Locale;

/**
 * How much noise the evaluation set puts into a top-1 difference, beside the tolerance: the
 * binomial standard error of the baseline's top-1 on its own, and the paired standard error of a
 * variant's difference from the dense network measured on a few sweep rows near the tolerance
 * (noise.csv). The paired one is what decides whether a 0.5-point verdict is outside the noise.
 *
 * @param evalSamples images in the evaluation set, -1 when unknown
 * @param baselineSePoints sqrt(p(1 − p) / n) of the baseline top-1 p in points, null when unknown
 * @param paired the measured rows (may be empty)
 * @param maxPairedSePoints the largest paired standard error measured, null without rows
 * @param maxDisagreement the largest share of images on which a variant and the dense network disagreed, null without rows
 */
public record EvalNoiseSummary(long evalSamples, Double baselineSePoints, List<NoisePoint> paired, Double maxPairedSePoints,
    Double maxDisagreement) {

  public EvalNoiseSummary {
    paired = List.copyOf(paired);
  }

  /** The summary, or null when neither the set's size nor any paired row is known. */
  public static EvalNoiseSummary of(long evalSamples, Double baselineTop1, List<NoisePoint> paired) {
    List<NoisePoint> rows = paired == null ? List.of() : paired;
    long n = evalSamples > 0 ? evalSamples : rows.isEmpty() ? -1 : rows.get(0).evalSamples();
    if (n < 0 && rows.isEmpty()) {
      return null;
    }
    Double se = n > 1 && baselineTop1 != null ? 100 * Math.sqrt(baselineTop1 * (1 - baselineTop1) / n) : null;
    Double maxSe = rows.stream().mapToDouble(NoisePoint::sePoints).max().stream().boxed().findFirst().orElse(null);
    Double maxQ = rows.stream().mapToDouble(NoisePoint::disagreement).max().stream().boxed().findFirst().orElse(null);
    return new EvalNoiseSummary(n, se, rows, maxSe, maxQ);
  }

  /** One sentence for the summary and the page, e.g. "10000 evaluation images: paired standard error ... ". */
  public String describe(Criteria c) {
    StringBuilder s = new StringBuilder();
    s.append(evalSamples > 0 ? evalSamples + " evaluation images" : "evaluation set of unknown size");
    if (baselineSePoints != null) {
      s.append(String.format(Locale.ROOT, ": standard error of the baseline top-1 %.2f points", baselineSePoints));
    }
    if (maxPairedSePoints != null) {
      s.append(String.format(Locale.ROOT, "; paired standard error of a variant's top-1 difference at most %.2f points"
          + " (%d sweep row%s near the tolerance, up to %.1f%% of images disagreeing), beside the tolerance of %s points",
          maxPairedSePoints, paired.size(), paired.size() == 1 ? "" : "s", 100 * maxDisagreement, Format.tolerance(c.tolerance())));
    } else {
      s.append("; no paired standard error measured (noise.csv)");
    }
    return s.toString();
  }
}
