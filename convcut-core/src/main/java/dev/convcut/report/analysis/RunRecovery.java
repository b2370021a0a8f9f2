package dev.convcut.report.analysis;

import dev.convcut.report.data.RetrainEpoch;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How one re-training run recovered: {@code epochs_to_recover} is the first epoch with top-1
 * back within tolerance of the baseline (docs/science.md, experiment 4); 0 when the truncated
 * model had lost no more than the tolerance to begin with.
 *
 * @param firstEpoch the first epoch recorded (0 is the truncated model before re-training)
 * @param lastEpoch the last epoch recorded
 * @param startDeltaTop1 delta_top1 at the first epoch recorded, in points
 * @param finalDeltaTop1 delta_top1 at the last epoch, in points
 * @param epochsToRecover null when the run never got back within tolerance
 */
public record RunRecovery(String run, int firstEpoch, int lastEpoch, double baselineTop1, double startDeltaTop1,
    double finalDeltaTop1, Integer epochsToRecover) {

  /** What one run says about "re-training recovers within a few epochs". */
  public enum Outcome {
    /** Within tolerance before any re-training: nothing to recover. */
    NOTHING_LOST,
    RECOVERED_IN_TIME,
    RECOVERED_LATE,
    NOT_RECOVERED,
    /** Not yet recovered, but trained for fewer epochs than the limit. */
    TOO_FEW_EPOCHS
  }

  /** Judges the epochs of one run (in any order). */
  public static RunRecovery of(List<RetrainEpoch> epochs, Criteria criteria) {
    List<RetrainEpoch> sorted = epochs.stream().sorted(Comparator.comparingInt(RetrainEpoch::epoch)).toList();
    RetrainEpoch first = sorted.get(0);
    RetrainEpoch last = sorted.get(sorted.size() - 1);
    Integer recovered = sorted.stream().filter(e -> criteria.within(e.deltaTop1())).map(RetrainEpoch::epoch)
        .findFirst().orElse(null);
    return new RunRecovery(first.run(), first.epoch(), last.epoch(), first.baselineTop1(), first.deltaTop1(),
        last.deltaTop1(), recovered);
  }

  /** Splits retrain.csv's rows by run, in the order the runs first appear. */
  public static List<RunRecovery> all(List<RetrainEpoch> rows, Criteria criteria) {
    Map<String, List<RetrainEpoch>> byRun = rows.stream()
        .collect(Collectors.groupingBy(RetrainEpoch::run, LinkedHashMap::new, Collectors.toList()));
    return byRun.values().stream().map(r -> of(r, criteria)).toList();
  }

  public Outcome outcome(Criteria criteria) {
    if (epochsToRecover != null) {
      return epochsToRecover == 0 ? Outcome.NOTHING_LOST
          : epochsToRecover <= criteria.recoverEpochs() ? Outcome.RECOVERED_IN_TIME : Outcome.RECOVERED_LATE;
    }
    return lastEpoch >= criteria.recoverEpochs() ? Outcome.NOT_RECOVERED : Outcome.TOO_FEW_EPOCHS;
  }

  /** One phrase for the evidence, e.g. {@code dense: -12.30 -> -0.20 points, recovered at epoch 2}. */
  public String describe(Criteria criteria) {
    String path = String.format(java.util.Locale.ROOT, "%s: %+.2f -> %+.2f points", run, startDeltaTop1, finalDeltaTop1);
    return path + switch (outcome(criteria)) {
      case NOTHING_LOST -> ", within tolerance before re-training";
      case RECOVERED_IN_TIME, RECOVERED_LATE -> ", recovered at epoch " + epochsToRecover;
      case NOT_RECOVERED -> ", not recovered in " + lastEpoch + " epoch" + (lastEpoch == 1 ? "" : "s");
      case TOO_FEW_EPOCHS -> ", not recovered yet after only " + lastEpoch + " epoch" + (lastEpoch == 1 ? "" : "s");
    };
  }
}
