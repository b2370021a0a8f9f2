package dev.convcut.report.analysis;

/**
 * One of the paper's findings judged on measured numbers.
 *
 * @param claim the finding in the paper's words, e.g. "deeper layers tolerate more norm loss"
 * @param evidence the numbers behind the verdict (or the reason it is inconclusive), one sentence
 */
public record Finding(String claim, Verdict verdict, String evidence) {
  public Finding {
    if (claim == null || claim.isBlank() || verdict == null || evidence == null || evidence.isBlank()) {
      throw new IllegalArgumentException("a finding needs a claim, a verdict and its evidence");
    }
  }
}
