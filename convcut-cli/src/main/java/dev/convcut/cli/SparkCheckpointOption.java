package dev.convcut.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --spark-checkpoint PATH}: where the Spark executors read the checkpoint, when they mount it elsewhere. */
public final class SparkCheckpointOption {
  @Option(names = "--spark-checkpoint", paramLabel = "PATH",
      description = "With --spark: the checkpoint folder as the executors see it (default: --checkpoint, made absolute).")
  Path path;

  /** Refuses the option without {@code --spark}. */
  void validate(SparkOptions spark) {
    if (path != null && !spark.enabled()) {
      throw new UsageException("--spark-checkpoint applies only with --spark MASTER");
    }
  }

  /** The checkpoint folder as the executors read it. */
  Path onExecutors(Path checkpoint) {
    return path != null ? path : checkpoint.toAbsolutePath().normalize();
  }
}
