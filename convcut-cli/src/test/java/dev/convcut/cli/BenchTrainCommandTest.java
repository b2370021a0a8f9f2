package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTrainCommandTest {
  @Test
  void printsOneRowPerModelWithoutThePeer() {
    CliRun r = CliRun.of("bench", "train", "--models", "cnn4,resnet20", "--batch", "4", "--steps", "1", "--warmup", "0",
        "--size", "8", "--classes", "3", "--no-peer");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("train img/s").containsPattern("(?m)^cnn4 +[0-9.]+ +[0-9.]+")
        .containsPattern("(?m)^resnet20 +[0-9.]+").contains("batch 4, 2 threads");
  }

  @Test
  void aBatchOfOneIsAUsageError() {
    CliRun r = CliRun.of("bench", "train", "--batch", "1", "--no-peer");
    assertThat(r.code()).isEqualTo(2);
  }
}
