package dev.convcut.study;

import java.util.List;
import java.util.Map;

/**
 * A sweep's (or automatic compress's) evaluations run outside this JVM, on a cluster: the driver
 * plans the variants (the same planning as in-process) and writes the rows; an implementation
 * scores the tasks it is handed with {@link TaskScoring} (compress's candidates with
 * {@code MeasuredSensitivity}) and hands each task's scores back as they arrive, so a sweep's
 * rows stay durable one layer (or global evaluation) at a time. Implementations are found through
 * {@link RemoteEvaluationsProvider}.
 */
public interface RemoteEvaluations extends AutoCloseable {
  /** Receives one task's scores, in the task's order of evaluations; called on one thread at a time. */
  @FunctionalInterface
  interface Sink<T> {
    void accept(T task, List<Score> scores);
  }

  /** How many tasks can run at once; the sweep splits its work into about twice as many tasks. */
  int parallelism();

  /** What runs the evaluations, for the run's messages and run.json (e.g. {@code Spark 4.2.0 at spark://h:7077}). */
  String describe();

  /**
   * What the run records about where its evaluations ran, for the summary of {@code sweep.json}
   * and run.json: the engine and its version, the master, executors, tasks run and task attempts
   * that failed and were run again.
   */
  Map<String, Object> report();

  /**
   * Scores every task, handing each task's scores to {@code sink} once as it finishes; returns when
   * all have. A task that fails for good stops the rest with a {@link dev.convcut.ConvcutException}
   * naming the task's host and cause; what the sink already received stays.
   */
  void scoreLayers(List<LayerTask> tasks, Sink<LayerTask> sink);

  /** As {@link #scoreLayers}, for global truncations: one score per task. */
  void scoreGlobal(List<GlobalTask> tasks, Sink<GlobalTask> sink);

  /**
   * As {@link #scoreLayers}, for automatic compress's candidates: a score (top-1 only) per kernel
   * measured, group after group, each group ending at its floor. Nothing is durable yet when a task
   * fails: compress writes its checkpoint only at the end.
   */
  void scoreCandidates(List<CandidateTask> tasks, Sink<CandidateTask> sink);

  @Override
  void close();
}
