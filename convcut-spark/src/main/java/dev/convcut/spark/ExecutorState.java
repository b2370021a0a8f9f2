package dev.convcut.spark;

import ai.djl.ndarray.NDManager;
import dev.convcut.ConvcutException;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.checkpoint.Checkpoints;
import dev.convcut.engine.Torch;
import dev.convcut.io.Hashing;
import dev.convcut.study.EvalSet;
import dev.convcut.study.Grid;
import dev.convcut.study.TaskScoring;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.spark.broadcast.Broadcast;

/**
 * What an executor JVM keeps between tasks: for each sweep, networks loaded from the checkpoint
 * (one per task running at once, since a task swaps weights in place) with the evaluation images
 * of the broadcast. The first task of a sweep in a JVM checks that it runs the driver's code and
 * Spark, and that the checkpoint it reads is the driver's (its weights' SHA-256); a failure names
 * the host and the path.
 */
final class ExecutorState {
  private static final Map<TaskSpec, Deque<TaskScoring>> IDLE = new ConcurrentHashMap<>();
  private static final Map<TaskSpec, Boolean> CHECKED = new ConcurrentHashMap<>();

  private ExecutorState() {}

  /** A scorer for {@code spec}'s sweep, loaded on first use; hand it back with {@link #release}. */
  static TaskScoring borrow(TaskSpec spec, Broadcast<EvalImages> images, int threads) {
    TaskScoring idle = IDLE.computeIfAbsent(spec, s -> new ConcurrentLinkedDeque<>()).pollFirst();
    return idle != null ? idle : load(spec, images, threads);
  }

  static void release(TaskSpec spec, TaskScoring scoring) {
    IDLE.get(spec).addFirst(scoring);
  }

  private static TaskScoring load(TaskSpec spec, Broadcast<EvalImages> images, int threads) {
    CHECKED.computeIfAbsent(spec, s -> { // the other tasks of the sweep wait for the first one's check
      check(s);
      return Boolean.TRUE;
    });
    Torch.configure(threads);
    Path dir = Path.of(spec.checkpoint());
    Checkpoint ck;
    try {
      ck = Checkpoints.load(dir, NDManager.newBaseManager());
    } catch (RuntimeException e) {
      throw new ConvcutException(where() + " could not load the checkpoint " + dir + ": " + e.getMessage()
          + " (every executor must be able to read it; docs/spark.md)", e);
    }
    EvalSet eval = images.value().toEvalSet();
    Grid grid = spec.cuts() == null ? null : Grid.parse(spec.cuts(), spec.levels()); // none for compress's candidates
    return new TaskScoring(ck.network(), eval, grid, spec.batchSize());
  }

  static void check(TaskSpec spec) {
    if (!spec.codeFingerprint().equals(CodeFingerprint.get())) {
      throw new ConvcutException(where() + " runs other convcut code (fingerprint " + CodeFingerprint.get() + ") than the driver ("
          + spec.codeFingerprint() + "); give the driver and every executor the same convcut jars");
    }
    String spark = org.apache.spark.package$.MODULE$.SPARK_VERSION();
    if (!spec.sparkVersion().equals(spark)) {
      throw new ConvcutException(where() + " runs Spark " + spark + ", the driver Spark " + spec.sparkVersion()
          + "; use one Spark version on the driver and the cluster");
    }
    Path weights = Path.of(spec.checkpoint()).resolve(Checkpoints.WEIGHTS);
    String sha;
    try {
      sha = Hashing.sha256(weights);
    } catch (RuntimeException e) {
      throw new ConvcutException(where() + " cannot read the checkpoint's weights " + weights + ": " + e.getMessage()
          + " (every executor must be able to read the checkpoint at this path; docs/spark.md)", e);
    }
    if (!sha.equals(spec.weightsSha256())) {
      throw new ConvcutException(where() + " reads other weights at " + weights + " (SHA-256 " + sha + ") than the driver ("
          + spec.weightsSha256() + "); every executor must see the driver's checkpoint at this path");
    }
  }

  /** "executor 3 on host h (10.0.0.5)", for messages. */
  static String where() {
    String id = org.apache.spark.SparkEnv.get() == null ? "?" : org.apache.spark.SparkEnv.get().executorId();
    String host;
    try {
      InetAddress a = InetAddress.getLocalHost();
      host = a.getHostName() + " (" + a.getHostAddress() + ")";
    } catch (UnknownHostException e) {
      host = "(unknown host: " + e.getMessage() + ")";
    }
    return "executor " + id + " on host " + host;
  }
}
