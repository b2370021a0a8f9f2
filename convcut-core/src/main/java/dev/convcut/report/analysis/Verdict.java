package dev.convcut.report.analysis;

/** Whether one of the paper's findings held on a run's data. */
public enum Verdict {
  HELD("held"),
  DID_NOT_HOLD("did not hold"),
  INCONCLUSIVE("inconclusive");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The verdict in words, as the summary and the report print it. */
  public String label() {
    return label;
  }
}
