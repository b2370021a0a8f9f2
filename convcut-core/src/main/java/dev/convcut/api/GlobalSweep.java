package dev.convcut.api;

import dev.convcut.io.Progress;
import dev.convcut.model.Network;
import dev.convcut.study.GlobalRow;
import dev.convcut.study.GlobalTruncation;
import dev.convcut.study.Score;
import dev.convcut.study.VariantScoring;
import java.util.List;

/**
 * {@link Model#globalSweep}: the core's global truncation ({@link GlobalTruncation#rows}) scored on
 * the options' images or by the caller's evaluator, its progress one step per image (or per
 * evaluation) under the label {@value #LABEL}.
 */
final class GlobalSweep {
  static final String LABEL = "global";

  private GlobalSweep() {}

  static GlobalSweepResult run(Model model, List<String> layers, SweepOptions options) {
    Score baseline = model.score(options, null, List.of()).get(0);
    Network net = model.network();
    EvalData data = options.data();
    Progress[] bar = new Progress[1];
    try {
      List<GlobalRow> rows = GlobalTruncation.rows(net, layers, options.grid(), baseline, (label, done, total) -> {
        if (bar[0] == null) {
          bar[0] = Progress.to(options.listener(), LABEL, (long) total * (data == null ? 1 : data.size()), data == null ? "evaluations"
              : "img");
        }
        if (data != null) {
          return VariantScoring.full(net, data.set(), data.batch(), bar[0]);
        }
        Score s = Model.caller(options.evaluator().evaluate(net));
        bar[0].step(1, label);
        return s;
      });
      return new GlobalSweepResult(baseline.top1(), rows);
    } finally {
      if (bar[0] != null) {
        bar[0].close();
      }
    }
  }
}
