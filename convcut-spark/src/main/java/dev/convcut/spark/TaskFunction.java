package dev.convcut.spark;

import dev.convcut.study.Score;
import dev.convcut.study.TaskScoring;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * What a Spark task runs on its executor: borrow the JVM's scorer for the sweep, score the
 * partition's one task, hand the scorer back. libtorch gets the task's CPUs as its threads.
 */
final class TaskFunction<T> extends AbstractFunction2<TaskContext, Iterator<T>, ArrayList<Score>> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How a scorer scores one task; serializable, as the function travels to the executors. */
  interface Scorer<T> extends BiFunction<TaskScoring, T, List<Score>>, Serializable {}

  private final TaskSpec spec;
  private final Broadcast<EvalImages> images;
  private final Scorer<T> scorer;

  TaskFunction(TaskSpec spec, Broadcast<EvalImages> images, Scorer<T> scorer) {
    this.spec = spec;
    this.images = images;
    this.scorer = scorer;
  }

  @Override
  public ArrayList<Score> apply(TaskContext context, Iterator<T> partition) {
    ArrayList<Score> out = new ArrayList<>();
    while (partition.hasNext()) {
      T task = partition.next();
      TaskScoring scoring = ExecutorState.borrow(spec, images, Math.max(1, context.cpus()));
      try {
        out.addAll(scorer.apply(scoring, task));
      } finally {
        ExecutorState.release(spec, scoring);
      }
    }
    return out;
  }
}
