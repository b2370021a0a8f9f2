package dev.convcut.api;

import dev.convcut.ConvcutException;
import dev.convcut.model.LayerSelection;
import dev.convcut.model.Network;
import dev.convcut.study.EvalSet;
import dev.convcut.tensorize.CompressRun;
import dev.convcut.tensorize.FactorizedLayer;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Latency;
import dev.convcut.tensorize.select.AutoPlanner;
import dev.convcut.tensorize.select.CandidateGrid;
import dev.convcut.tensorize.select.MeasuredSensitivity;
import java.util.List;

/**
 * {@link Model#compress(CompressOptions)}: the planning of {@code convcut compress}'s automatic mode
 * ({@link AutoPlanner}, its candidates, measured sensitivities and speed gate) on the caller's
 * images or evaluator, then the chosen factorizations applied to a new model.
 */
final class AutoCompress {
  private AutoCompress() {}

  static CompressResult run(Model model, CompressOptions o) {
    Network dense = model.network();
    List<String> layers = CompressRun.factorizable(dense, LayerSelection.convolutions(dense, o.layers()));
    MeasuredSensitivity measured = sensitivity(dense, o).listener(o.listener());
    CandidateGrid grid = new CandidateGrid(o.methods(), o.keeps(), o.target().resource(), Factorizer.standard());
    AutoPlanner.Plan plan = AutoPlanner.plan(dense, layers, grid, measured, measured, o.target(),
        CompressRun.speedGate(dense, o.minSpeedup(), o.runtime(), new Latency.Settings(o.speedBatch(), 1, 5)));
    if (plan.selection().chosen().isEmpty()) {
      throw new ConvcutException("no layer can be factorized within " + o.target() + " (" + measured.source()
          + "); allow a larger drop, more methods or kept fractions, or a lower speed-up");
    }
    List<FactorizedLayer> chosen = plan.selection().chosen().values().stream().map(c -> c.candidate().factorized()).toList();
    return new CompressResult(model.compressed(chosen, "compressed automatically to " + o.target()), plan);
  }

  private static MeasuredSensitivity sensitivity(Network dense, CompressOptions o) {
    if (o.data() == null) {
      return MeasuredSensitivity.byCaller(dense, n -> Model.caller(o.evaluator().evaluate(n)).top1(), "the caller's evaluator",
          o.floor());
    }
    EvalSet set = o.data().set();
    return new MeasuredSensitivity(dense, set, o.data().batch(), o.floor());
  }
}
