package dev.convcut.spark;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import dev.convcut.cli.TinyStudy;
import dev.convcut.io.Hashing;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An executor's checks before its first task: the driver's code, the driver's Spark, the driver's weights. */
class ExecutorStateTest {
  @TempDir static Path dir;
  static Path ck;
  static String sha;

  @BeforeAll
  static void setUp() {
    ck = TinyStudy.checkpoint(dir.resolve("ck"), 2);
    sha = Hashing.sha256(ck.resolve("weights.safetensors"));
  }

  private static TaskSpec spec(String weightsSha, String code, String spark) {
    return new TaskSpec(ck.toString(), weightsSha, "o|ihw", "keep0.5", 16, 0, code, spark);
  }

  private static String spark() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  @Test
  void theDriversCodeSparkAndWeightsPass() {
    assertThatCode(() -> ExecutorState.check(spec(sha, CodeFingerprint.get(), spark()))).doesNotThrowAnyException();
  }

  @Test
  void otherConvcutCodeOnAnExecutorIsRefused() {
    assertThatThrownBy(() -> ExecutorState.check(spec(sha, "0123456789abcdef", spark()))).isInstanceOf(ConvcutException.class)
        .hasMessageContaining("runs other convcut code (fingerprint " + CodeFingerprint.get() + ") than the driver (0123456789abcdef)")
        .hasMessageContaining("on host ");
  }

  @Test
  void anotherSparkVersionOnAnExecutorIsRefused() {
    assertThatThrownBy(() -> ExecutorState.check(spec(sha, CodeFingerprint.get(), "3.5.9"))).isInstanceOf(ConvcutException.class)
        .hasMessageContaining("runs Spark " + spark() + ", the driver Spark 3.5.9");
  }

  @Test
  void otherWeightsAtTheCheckpointsPathAreRefusedNamingThePath() {
    assertThatThrownBy(() -> ExecutorState.check(spec("ab".repeat(32), CodeFingerprint.get(), spark())))
        .isInstanceOf(ConvcutException.class).hasMessageContaining("reads other weights at " + ck.resolve("weights.safetensors"))
        .hasMessageContaining("(SHA-256 " + sha + ")");
  }
}
