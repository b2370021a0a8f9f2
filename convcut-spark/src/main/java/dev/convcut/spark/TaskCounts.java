package dev.convcut.spark;

import java.util.concurrent.atomic.AtomicInteger;
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

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskInfo info = end.taskInfo();
    if (info.successful()) {
      succeeded.incrementAndGet();
    } else {
      failed.incrementAndGet();
      String reason = end.reason() instanceof TaskFailedReason f ? f.toErrorString() : String.valueOf(end.reason());
      LOG.warn("task {} (attempt {}) failed on executor {} at {}: {}", info.index(), info.attemptNumber(), info.executorId(),
          info.host(), reason.lines().findFirst().orElse(""));
    }
  }

  @Override
  public void onExecutorAdded(SparkListenerExecutorAdded added) {
    executors.incrementAndGet();
  }
}
