package dev.convcut.study.pipeline;

import dev.convcut.io.CsvTable;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which global truncation the study re-trains: the most aggressive one that lost accuracy — the
 * largest mean norm loss among the rows of global.csv whose top-1 fell by more than the
 * tolerance (ties: the lower top-1). Empty when no global truncation lost accuracy.
 */
record RetrainChoice(String cut, String level, double normLossMean, double deltaTop1) {

  static Optional<RetrainChoice> pick(Path globalCsv, double tolerance) {
    return CsvTable.read(globalCsv).rows().stream()
        .filter(r -> !r.text("level").equals("baseline") && r.number("delta_top1") < -tolerance)
        .max(Comparator.<CsvTable.Row>comparingDouble(r -> r.number("norm_loss_mean")).thenComparing(r -> -r.number("top1")))
        .map(r -> new RetrainChoice(r.text("cut"), r.text("level"), r.number("norm_loss_mean"), r.number("delta_top1")));
  }

  @Override
  public String toString() {
    return cut + " " + level;
  }
}
