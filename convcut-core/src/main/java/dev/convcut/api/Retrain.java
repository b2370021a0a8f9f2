package dev.convcut.api;

import dev.convcut.study.Retraining;

/**
 * {@link Model#retrain}: the core's re-training ({@link Retraining#curve}, what {@code convcut
 * retrain} writes) on a copy of the model, scored on the options' images or by the caller.
 */
final class Retrain {
  private Retrain() {}

  static RetrainResult run(Model model, RetrainOptions o) {
    if (o.projected() && model.truncation() == null) {
      throw new IllegalStateException("projected re-training keeps a truncation, and this model has none: truncate it first"
          + " (Model.truncate) or load a truncated checkpoint");
    }
    Model copy = model.copy();
    try {
      Retraining.Source source = new Retraining.Source(copy.architecture(), copy.truncation(), o.train().set().images().dataset(), null);
      Retraining.Scoring scoring = o.data() != null ? Retraining.Scoring.on(o.data().set())
          : Retraining.Scoring.byCaller(net -> Model.caller(o.evaluator().evaluate(net)));
      Retraining.Curve curve = Retraining.curve(copy.network(), source, o.train().set().images(), o.recipe(), o.projected(), scoring,
          false, o.listener(), e -> { });
      return new RetrainResult(copy, curve.epochs(), curve.state().history());
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
  }
}
