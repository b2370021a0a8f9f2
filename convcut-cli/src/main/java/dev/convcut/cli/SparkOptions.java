package dev.convcut.cli;

import dev.convcut.study.RemoteEvaluations;
import dev.convcut.study.RemoteEvaluationsProvider;
import dev.convcut.study.SweepJob;
import java.util.function.Function;
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

  private RemoteEvaluationsProvider provider;

  boolean enabled() {
    return master != null;
  }

  /**
   * Refuses --spark without the module, and a master that cannot be reached, before anything is
   * read or written.
   */
  void validate() {
    if (master != null && provider == null) {
      provider = RemoteEvaluationsProvider.find().orElseThrow(() -> new UsageException("--spark needs the optional convcut-spark "
          + "module, which is not on this convcut's class path: run convcut through ./convcut, which builds the module and adds it "
          + "with Spark's jars when --spark is given, or add convcut-spark/target/convcut-spark.jar and convcut-spark/target/lib/* "
          + "to the class path yourself (docs/spark.md)"));
      provider.probe(master);
    }
  }

  /** Starts the Spark application for {@code job}, or returns null without --spark (the evaluations run in-process). */
  RemoteEvaluations open(SweepJob job) {
    if (master == null) {
      return null;
    }
    validate();
    return provider.open(master, job);
  }

  /** What opens the evaluations of each step of a study, or null without --spark. */
  Function<SweepJob, RemoteEvaluations> opener() {
    return master == null ? null : this::open;
  }
}
