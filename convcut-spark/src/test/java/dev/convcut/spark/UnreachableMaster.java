package dev.convcut.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.cli.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/** A command given a standalone master nothing listens at: refused within 30 s, naming the master, with nothing written. */
final class UnreachableMaster {
  private UnreachableMaster() {}

  /** @param command the command line for a master URL; {@code out} its output folder */
  static void assertRefusedAtOnce(Function<String, String[]> command, Path out) throws IOException {
    int port = StandaloneCluster.freePort();
    long start = System.nanoTime();
    CliRun r = CliRun.of(command.apply("spark://127.0.0.1:" + port));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach the Spark master at spark://127.0.0.1:" + port);
    assertThat(seconds).isLessThan(30);
    assertThat(out).doesNotExist();
  }
}
