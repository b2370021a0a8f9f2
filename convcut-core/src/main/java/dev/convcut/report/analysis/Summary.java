package dev.convcut.report.analysis;

import java.util.Locale;

/**
 * The short plain-text summary of the findings that {@code convcut report} and the demo print:
 * a heading with the tolerance and the baseline, then one line per finding with its verdict and
 * the numbers behind it. The evidence is built in ASCII, so any terminal shows it.
 */
public final class Summary {
  private Summary() {}

  public static String format(Findings f) {
    StringBuilder s = new StringBuilder("Findings from the measured numbers (no accuracy loss = top-1 within ")
        .append(Format.tolerance(f.criteria().tolerance())).append(" points of the baseline");
    if (f.baselineTop1() != null) {
      s.append(", ").append(Format.accuracy(f.baselineTop1()));
    }
    s.append("):\n");
    if (f.noise() != null) {
      s.append("Evaluation noise: ").append(f.noise().describe(f.criteria())).append(".\n");
    }
    for (Finding finding : f.verdicts()) {
      s.append("- ").append(finding.claim()).append(": ").append(finding.verdict().label().toUpperCase(Locale.ROOT))
          .append(". ").append(finding.evidence()).append(".\n");
    }
    return s.toString();
  }
}
