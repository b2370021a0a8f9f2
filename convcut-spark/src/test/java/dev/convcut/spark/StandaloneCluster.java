package dev.convcut.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real standalone Spark cluster on 127.0.0.1 for tests: a Master and Workers, each a separate
 * JVM started from Spark's own classes with this JVM's class path. Workers launch executors
 * through a Spark home; its {@code jars/} is empty, as the driver gives the executors its class
 * path ({@code spark.executor.extraClassPath}, which convcut sets for a cluster master).
 */
final class StandaloneCluster implements AutoCloseable {
  private final Path dir;
  private final Path home;
  private final int port;
  private final Process master;
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path dir, Path home, int port, Process master) {
    this.dir = dir;
    this.home = home;
    this.port = port;
    this.master = master;
  }

  /** Starts a Master and {@code n} Workers of one core and {@code workerMemory} each; returns once all Workers registered. */
  static StandaloneCluster start(Path dir, int n, String workerMemory) throws IOException, InterruptedException {
    Path home = Files.createDirectories(dir.resolve("spark-home"));
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    int port = freePort();
    Process master = launch(dir, home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        Integer.toString(port), "--webui-port", Integer.toString(freePort()));
    StandaloneCluster c = new StandaloneCluster(dir, home, port, master);
    try {
      c.awaitPort(60);
      for (int i = 0; i < n; i++) {
        c.addWorker(workerMemory);
      }
      c.awaitLog("master", "Registering worker", n, 90);
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  String url() {
    return "spark://127.0.0.1:" + port;
  }

  void addWorker(String memory) throws IOException {
    int i = workers.size();
    Path work = Files.createDirectories(dir.resolve("work-" + i));
    workers.add(launch(dir, home, "worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
        "--memory", memory, "--work-dir", work.toString(), "--webui-port", Integer.toString(freePort()), url()));
  }

  /** Kills Worker {@code i} and the executors it launched at once, as a lost machine would. */
  void killWorker(int i) throws InterruptedException {
    Process w = workers.get(i);
    w.descendants().forEach(ProcessHandle::destroyForcibly);
    w.destroyForcibly();
    w.waitFor();
  }

  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  private static Process launch(Path dir, Path home, String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
    cmd.addAll(sparkJavaOptions());
    cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp", System.getProperty("java.class.path"), mainClass));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOCAL_DIRS", dir.resolve("local").toString()); // executors' scratch space, inside the test's folder
    return pb.start();
  }

  /** The JVM options Spark needs on Java 17, as the build passes them to the tests (convcut-spark's pom). */
  static List<String> sparkJavaOptions() {
    String opts = System.getProperty("spark.java.options", "");
    return Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void awaitPort(int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        if (!master.isAlive()) {
          throw new IllegalStateException("the Spark master exited; its log: " + tail("master"));
        }
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the Spark master did not open port " + port + " in " + seconds + " s; its log: " + tail("master"));
  }

  /** Waits until {@code name}'s log holds {@code text} {@code count} times. */
  void awaitLog(String name, String text, int count, int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      String log = read(name);
      if (log.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= count) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + "'s log did not show '" + text + "' " + count + " times in " + seconds + " s: " + tail(name));
  }

  private String read(String name) {
    try {
      return Files.exists(log(name)) ? Files.readString(log(name), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String tail(String name) {
    String s = read(name);
    return s.substring(Math.max(0, s.length() - 3000));
  }

  @Override
  public void close() {
    for (Process w : workers) {
      w.descendants().forEach(ProcessHandle::destroyForcibly);
      w.destroyForcibly();
    }
    master.destroyForcibly();
  }
}
