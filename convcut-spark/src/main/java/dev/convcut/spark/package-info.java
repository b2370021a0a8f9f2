/**
 * Optional: a sweep's evaluations as Apache Spark tasks ({@link
 * dev.convcut.spark.SparkEvaluationsProvider}, registered for {@link java.util.ServiceLoader}).
 * The driver plans the variants and writes the rows with convcut-core's sweep; executors load the
 * checkpoint once per JVM from a path they can read, take the evaluation images from a broadcast,
 * and score tasks with {@link dev.convcut.study.TaskScoring}. docs/spark.md.
 */
package dev.convcut.spark;
