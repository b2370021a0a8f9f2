package dev.convcut.spark;

import dev.convcut.ConvcutException;
import dev.convcut.study.CandidateTask;
import dev.convcut.study.GlobalTask;
import dev.convcut.study.LayerTask;
import dev.convcut.study.RemoteEvaluations;
import dev.convcut.study.Score;
import dev.convcut.tensorize.select.MeasuredSensitivity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkDriverExecutionException;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A sweep's (or automatic compress's) evaluations on a Spark application: one Spark task per sweep task (one partition
 * each), run as one job; each task's scores reach the sink on the driver as that task finishes
 * (Spark calls the result handler once per partition, a re-run task's result included only once),
 * so the sweep writes rows while the others still run. A task that fails for good (after Spark's
 * retries) aborts the job; the error names the executor's host and the cause.
 */
final class SparkEvaluations implements RemoteEvaluations {
  private static final String SWEEP_FAILED = "the sweep's Spark job failed; the rows written so far are kept, and re-running the "
      + "command resumes from them. ";
  private final JavaSparkContext sc;
  private final TaskSpec spec;
  private final Broadcast<EvalImages> images;
  private final String description;
  private final String master;
  private final long imageBytes;
  private final TaskCounts counts;
  private int tasks;
  private long jobNanos;
  private long sinkNanos;

  SparkEvaluations(JavaSparkContext sc, TaskSpec spec, Broadcast<EvalImages> images, long imageBytes, TaskCounts counts,
      String description) {
    this.sc = sc;
    this.spec = spec;
    this.images = images;
    this.imageBytes = imageBytes;
    this.counts = counts;
    this.description = description;
    this.master = sc.master();
  }

  @Override
  public Map<String, Object> report() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("engine", "Apache Spark " + sc.version());
    r.put("master", master);
    r.put("executorsJoined", counts.executors.get());
    r.put("taskSlots", sc.defaultParallelism());
    r.put("tasks", tasks);
    r.put("taskAttemptsFailedAndRerun", counts.failed.get());
    r.put("imagesBroadcastBytes", imageBytes);
    r.put("secondsToFirstExecutor", counts.firstExecutorMillis.get() / 1e3);
    r.put("taskRunSeconds", counts.runMillis.get() / 1e3);
    r.put("taskDeserializeSeconds", counts.deserializeMillis.get() / 1e3);
    r.put("resultSerializeSeconds", counts.resultMillis.get() / 1e3);
    r.put("jobSeconds", jobNanos / 1e9);
    r.put("rowWriteSeconds", sinkNanos / 1e9);
    return r;
  }

  @Override
  public int parallelism() {
    return sc.defaultParallelism();
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void scoreLayers(List<LayerTask> tasks, Sink<LayerTask> sink) {
    run(tasks, (scoring, task) -> scoring.layer(task), sink, SWEEP_FAILED);
  }

  @Override
  public void scoreGlobal(List<GlobalTask> tasks, Sink<GlobalTask> sink) {
    run(tasks, (scoring, task) -> List.of(scoring.global(task)), sink, SWEEP_FAILED);
  }

  @Override
  public void scoreCandidates(List<CandidateTask> tasks, Sink<CandidateTask> sink) {
    run(tasks, (scoring, task) -> MeasuredSensitivity.score(scoring.network(), scoring.eval(), scoring.batchSize(), task), sink,
        "the Spark job measuring compress's candidates failed; nothing was written (the compressed checkpoint is written at the "
            + "end). ");
  }

  private <T> void run(List<T> tasks, TaskFunction.Scorer<T> scorer, Sink<T> sink, String failed) {
    if (tasks.isEmpty()) {
      return;
    }
    this.tasks += tasks.size();
    JavaRDD<T> rdd = sc.parallelize(tasks, tasks.size());
    TaskFunction<T> function = new TaskFunction<>(spec, images, scorer);
    AbstractFunction2<Object, ArrayList<Score>, BoxedUnit> handler = new AbstractFunction2<>() {
      @Override
      public BoxedUnit apply(Object index, ArrayList<Score> scores) {
        long t = System.nanoTime();
        sink.accept(tasks.get((Integer) index), scores);
        sinkNanos += System.nanoTime() - t;
        return BoxedUnit.UNIT;
      }
    };
    @SuppressWarnings("unchecked")
    ClassTag<ArrayList<Score>> tag = (ClassTag<ArrayList<Score>>) (ClassTag<?>) ClassTag$.MODULE$.apply(ArrayList.class);
    long start = System.nanoTime();
    try {
      sc.sc().runJob(rdd.rdd(), function, handler, tag);
      jobNanos += System.nanoTime() - start;
    } catch (Exception e) { // Scala declares no checked exceptions; Spark's are checked
      if (e instanceof SparkDriverExecutionException && e.getCause() instanceof RuntimeException r) {
        throw r; // the sink failed writing a row: its own message says what
      }
      if (e instanceof RuntimeException r && !(e instanceof SparkException)) {
        throw r;
      }
      throw new ConvcutException(failed + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  @Override
  public void close() {
    images.destroy();
    sc.stop();
  }
}
