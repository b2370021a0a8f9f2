package dev.convcut.spark;

import dev.convcut.ConvcutException;
import dev.convcut.study.RemoteEvaluations;
import dev.convcut.study.RemoteEvaluationsProvider;
import dev.convcut.study.SweepJob;
import java.io.File;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Apache Spark as a place for a sweep's evaluations: connects to the master (a standalone one is
 * probed first, so an unreachable master is refused in seconds), ships the evaluation images as a
 * broadcast, and, unless {@code spark.jars} or {@code spark.executor.extraClassPath} say
 * otherwise, gives the executors the driver's class path (convcut installed at the same path on
 * every node, as a shared install or a container image has it). Any {@code spark.*} system
 * property configures the application, as with {@code spark-submit --conf}.
 */
public final class SparkEvaluationsProvider implements RemoteEvaluationsProvider {
  /** How long a cluster master may take to give the application its first executor. */
  static final String EXECUTOR_WAIT = "spark.convcut.executorWaitSeconds";

  @Override
  public void probe(String master) {
    new MasterAddress(master).probe();
  }

  @Override
  public RemoteEvaluations open(String master, SweepJob job) {
    MasterAddress address = new MasterAddress(master);
    address.probe();
    quietLogs();
    SparkConf conf = conf(address, job.grid() == null ? "convcut compress" : "convcut sweep");
    JavaSparkContext sc;
    TaskCounts counts = new TaskCounts();
    try {
      sc = new JavaSparkContext(conf);
      sc.sc().addSparkListener(counts);
    } catch (RuntimeException e) {
      throw new ConvcutException("could not start a Spark application on " + master + ": " + e.getMessage(), e);
    }
    try {
      int executors = address.local() ? 0 : awaitExecutors(sc, conf.getInt(EXECUTOR_WAIT, 120), master);
      EvalImages payload = EvalImages.of(job.eval());
      Broadcast<EvalImages> images = sc.broadcast(payload);
      TaskSpec spec = new TaskSpec(job.checkpoint().toString(), job.weightsSha256(),
          job.grid() == null ? null : String.join(",", job.grid().cutNames()),
          job.grid() == null ? null : String.join(",", job.grid().levelNames()), job.batchSize(), images.id(), CodeFingerprint.get(),
          sc.version());
      String description = String.format(Locale.ROOT, "Spark %s at %s (%s%d task slots; %.1f MB of images broadcast)", sc.version(),
          master, address.local() ? "" : executors + " executors, ", sc.defaultParallelism(), payload.bytes() / 1e6);
      return new SparkEvaluations(sc, spec, images, payload.bytes(), counts, description);
    } catch (RuntimeException e) {
      sc.stop();
      throw e;
    }
  }

  private static SparkConf conf(MasterAddress address, String name) {
    SparkConf conf = new SparkConf().setMaster(address.url()).setAppName(name);
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.executor.memory", "2g");
    // The executors run libtorch as the launcher does: offline, no telemetry, one malloc arena.
    conf.setIfMissing("spark.executor.extraJavaOptions", "-Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Djava.awt.headless=true");
    for (String[] env : new String[][] {{"MALLOC_ARENA_MAX", "1"}, {"MALLOC_MMAP_MAX_", "0"},
        {"MALLOC_MMAP_THRESHOLD_", "33554432"}, {"MALLOC_TRIM_THRESHOLD_", "4000000000"}, {"DJL_OFFLINE", "true"}}) {
      conf.setIfMissing("spark.executorEnv." + env[0], env[1]);
    }
    if (!address.local() && !conf.contains("spark.jars") && !conf.contains("spark.executor.extraClassPath")) {
      String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .map(p -> new File(p).getAbsolutePath()).collect(Collectors.joining(File.pathSeparator));
      conf.set("spark.executor.extraClassPath", cp);
    }
    return conf;
  }

  private static int awaitExecutors(JavaSparkContext sc, int seconds, String master) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (true) {
      int n = sc.sc().getExecutorMemoryStatus().size() - 1;
      if (n > 0) {
        return n;
      }
      if (sc.sc().isStopped()) {
        throw new ConvcutException("the Spark master at " + master + " stopped the application before any executor started");
      }
      if (System.nanoTime() > end) {
        throw new ConvcutException("no executor joined the application on " + master + " within " + seconds + " s: does the "
            + "cluster have a free worker with the cores and the " + sc.getConf().get("spark.executor.memory")
            + " of memory asked for (spark.executor.memory)? (" + EXECUTOR_WAIT + " sets the wait)");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConvcutException("interrupted while waiting for Spark executors on " + master, e);
      }
    }
  }

  /** Spark's and its libraries' information messages stay out of convcut's output unless asked for. */
  private static void quietLogs() {
    for (String name : new String[] {"org.apache.spark", "org.sparkproject", "org.apache.hadoop", "io.netty"}) {
      String key = "org.slf4j.simpleLogger.log." + name;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
    System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader", "error");
  }
}
