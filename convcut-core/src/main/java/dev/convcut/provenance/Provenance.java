package dev.convcut.provenance;

import ai.djl.engine.Engine;
import dev.convcut.engine.Torch;
import dev.convcut.io.Hashing;
import dev.convcut.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Collects a {@link RunRecord} while a run is under way: start it with the command and its
 * arguments, add the configuration, the seed and every input file, then {@link #finish} it and
 * write {@code run.json}.
 */
public final class Provenance {
  private static volatile RunRecord.Code code;
  private final String command;
  private final List<String> arguments;
  private final String started = Instant.now().toString();
  private final Map<String, String> inputs = new LinkedHashMap<>();
  private Object configuration;
  private Long seed;
  private boolean engine = true;

  private Provenance(String command, List<String> arguments) {
    this.command = command;
    this.arguments = List.copyOf(arguments);
  }

  /** Starts recording a run of {@code command} with its command-line arguments. */
  public static Provenance start(String command, List<String> arguments) {
    return new Provenance(command, arguments);
  }

  /** The command being recorded, e.g. {@code sweep --global} or {@code study retrain}. */
  public String command() {
    return command;
  }

  public Provenance configuration(Object resolved) {
    this.configuration = resolved;
    return this;
  }

  public Provenance seed(long rootSeed) {
    this.seed = rootSeed;
    return this;
  }

  /**
   * Records the SHA-256 of an input file, or of every regular file under an input directory
   * (keyed {@code role/relative/path}).
   */
  public Provenance input(String role, Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        files.filter(Files::isRegularFile).sorted().forEach(f -> inputs.put(role + "/" + path.relativize(f), Hashing.sha256(f)));
      } catch (IOException e) {
        inputs.put(role, "unreadable: " + e.getMessage());
      }
    } else {
      inputs.put(role, Hashing.sha256(path));
    }
    return this;
  }

  /** Records an input whose digest is already known (a dataset's files, hashed once). */
  public Provenance input(String role, String sha256) {
    inputs.put(role, sha256);
    return this;
  }

  /**
   * Marks a run that never starts the deep-learning engine (the report): its record then names no
   * DJL or PyTorch version and the device {@code none}, and recording it does not start the engine.
   */
  public Provenance withoutEngine() {
    this.engine = false;
    return this;
  }

  /** Ends the run now, with its results summary (may be null). */
  public RunRecord finish(Object results) {
    return new RunRecord(command, arguments, configuration, seed, code(engine), machine(engine), Map.copyOf(inputs),
        started, Instant.now().toString(), results);
  }

  /** Ends the run and writes {@code run.json} into {@code dir} atomically. */
  public RunRecord writeTo(Path dir, Object results) {
    RunRecord record = finish(results);
    Json.writeFile(dir.resolve("run.json"), record);
    return record;
  }

  static RunRecord.Machine machine() {
    return machine(true);
  }

  private static RunRecord.Machine machine(boolean engine) {
    String cpu = cpuName();
    return new RunRecord.Machine(
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        cpu, Runtime.getRuntime().availableProcessors(), engine ? Torch.defaultDevice().toString() : "none");
  }

  private static RunRecord.Code code(boolean engine) {
    return engine ? code() : sourceCode();
  }

  static RunRecord.Code code() {
    if (code == null) {
      RunRecord.Code source = sourceCode();
      code = new RunRecord.Code(source.convcutVersion(), source.gitCommit(), source.gitDirty(), Engine.getDjlVersion(),
          Torch.version());
    }
    return code;
  }

  /** convcut's version and git state; the engine's versions are left null. */
  private static RunRecord.Code sourceCode() {
    String version = Provenance.class.getPackage().getImplementationVersion();
    Path root = sourceRoot();
    String commit = root == null ? null : git(root, "rev-parse", "HEAD");
    String status = root == null ? null : git(root, "status", "--porcelain", "--untracked-files=no");
    return new RunRecord.Code(version == null ? "development" : version, commit,
        status == null ? null : !status.isBlank(), null, null);
  }

  private static String cpuName() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: fall through to the architecture.
    }
    return System.getProperty("os.arch");
  }

  /** The git checkout convcut runs from, found upwards from its own classes or jar. */
  private static Path sourceRoot() {
    try {
      Path p = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
      for (; p != null; p = p.getParent()) {
        if (Files.exists(p.resolve(".git"))) {
          return p;
        }
      }
    } catch (Exception e) {
      // No code source (unusual class loader): provenance then says the commit is unknown.
    }
    return null;
  }

  private static String git(Path root, String... args) {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
