package dev.convcut.spark;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, on the driver, the task attempts that finished and those that failed (a lost executor,
 * an error) and were run again by Spark, and the executors that joined; each failure is logged
 * with its executor, host and reason.
 */
final class TaskCounts extends SparkListener {
  private static final Logger LOG = LoggerFactory.getLogger(TaskCounts.class);
  final AtomicInteger succeeded = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();
  final AtomicInteger executors = new AtomicInteger();
  /** Milliseconds summed over the successful attempts: running, deserializing the task, serializing the result. */
  final AtomicLong runMillis = new AtomicLong();
  final AtomicLong deserializeMillis = new AtomicLong();
  final AtomicLong resultMillis = new AtomicLong();
  /** From the application's start to its first executor, in ms (0 in local mode, where the driver is the executor). */
  final AtomicLong firstExecutorMillis = new AtomicLong();
  private final long started = System.currentTimeMillis();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskInfo info = end.taskInfo();
    if (info.successful()) {
      succeeded.incrementAndGet();
      if (end.taskMetrics() != null) {
        runMillis.addAndGet(end.taskMetrics().executorRunTime());
        deserializeMillis.addAndGet(end.taskMetrics().executorDeserializeTime());
        resultMillis.addAndGet(end.taskMetrics().resultSerializationTime());
      }
    } else {
      failed.incrementAndGet();
      String reason = end.reason() instanceof TaskFailedReason f ? f.toErrorString() : String.valueOf(end.reason());
      LOG.warn("task {} (attempt {}) failed on executor {} at {}: {}", info.index(), info.attemptNumber(), info.executorId(),
          info.host(), reason.lines().findFirst().orElse(""));
    }
  }

  @Override
  public void onExecutorAdded(SparkListenerExecutorAdded added) {
    if (executors.incrementAndGet() == 1) {
      firstExecutorMillis.set(added.time() - started);
    }
  }
}
