package dev.convcut.api;

import dev.convcut.io.Progress;

/**
 * What the facade's option builders share: how the model is scored — on images ({@link #setData})
 * or by the caller's {@link ModelEvaluator} ({@link #setEvaluator}), exactly one of them — and who
 * hears the progress ({@link #optListener}). Each options class says what one score is in its work.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ScoringBuilder<B extends ScoringBuilder<B>> {
  EvalData data;
  ModelEvaluator evaluator;
  Progress.Listener listener;

  ScoringBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** Scores on these images (top-1; where the work allows, the activations before a layer are computed once). */
  public B setData(EvalData data) {
    this.data = data;
    return self();
  }

  /** Scores with the caller's function instead of images (one call per score, a full pass of the caller's making). */
  public B setEvaluator(ModelEvaluator evaluator) {
    this.evaluator = evaluator;
    return self();
  }

  /**
   * Hears each step (the options class names its labels); throwing {@link
   * java.util.concurrent.CancellationException} from it cancels the work.
   */
  public B optListener(Progress.Listener listener) {
    this.listener = listener;
    return self();
  }

  /** Refuses a builder given both ways to score or neither; {@code work} names the work ("a sweep"). */
  void requireOneScoring(String work) {
    if ((data == null) == (evaluator == null)) {
      throw new IllegalStateException(work + " needs exactly one way to score: setData(EvalData) or setEvaluator(ModelEvaluator)");
    }
  }
}
