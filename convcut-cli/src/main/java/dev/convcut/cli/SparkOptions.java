package dev.convcut.cli;

import dev.convcut.UsageException;
import dev.convcut.study.EvalSet;
import dev.convcut.study.Grid;
import dev.convcut.study.RemoteEvaluations;
import dev.convcut.study.RemoteEvaluationsProvider;
import dev.convcut.study.SweepJob;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER}: a sweep's evaluations as Apache Spark tasks. The CLI does not depend on
 * Spark: the optional convcut-spark module is found on the class path at run time, and without it
 * the option is refused before any work, saying how to get it.
 */
public final class SparkOptions {
  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Run the evaluations as Apache Spark tasks on MASTER: local[N], spark://host:7077, yarn, k8s://... "
          + "(needs the convcut-spark module, which ./convcut adds when --spark is given; docs/spark.md).")
  String master;

  @Option(names = "--spark-checkpoint", paramLabel = "PATH",
      description = "With --spark: the checkpoint folder as the executors see it (default: --checkpoint, made absolute).")
  Path executorCheckpoint;

  private RemoteEvaluationsProvider provider;

  boolean enabled() {
    return master != null;
  }

  /** Refuses --spark without the module, and --spark-checkpoint without --spark, before anything is read. */
  void validate() {
    if (executorCheckpoint != null && master == null) {
      throw new UsageException("--spark-checkpoint applies only with --spark MASTER");
    }
    if (master != null) {
      provider = RemoteEvaluationsProvider.find().orElseThrow(() -> new UsageException("--spark needs the optional convcut-spark "
          + "module, which is not on this convcut's class path: run convcut through ./convcut, which builds the module and adds it "
          + "with Spark's jars when --spark is given, or add convcut-spark/target/convcut-spark.jar and convcut-spark/target/lib/* "
          + "to the class path yourself (docs/spark.md)"));
    }
  }

  /** Starts the Spark application for a sweep of {@code checkpoint}, or returns null without --spark. */
  RemoteEvaluations open(Path checkpoint, String weightsSha256, EvalSet eval, Grid grid, int batchSize) {
    if (master == null) {
      return null;
    }
    validate();
    Path onExecutors = executorCheckpoint != null ? executorCheckpoint : checkpoint.toAbsolutePath().normalize();
    return provider.open(master, new SweepJob(onExecutors, weightsSha256, eval, grid, batchSize));
  }
}
