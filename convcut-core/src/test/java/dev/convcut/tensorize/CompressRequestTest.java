package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.InvalidRequestException;
import dev.convcut.data.DataOptions;
import dev.convcut.data.LabelKind;
import dev.convcut.data.Split;
import dev.convcut.io.Json;
import dev.convcut.tensorize.select.AutoPlanner;
import dev.convcut.tensorize.select.CandidateGrid;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompressRequestTest {
  private static final DataOptions DATA = new DataOptions(Path.of("/data"), LabelKind.FINE, true);

  @Test
  void theBuilderGivesTheRecordItsValuesSoRunJsonIsUnchanged() {
    CompressRequest.Manual manual = new CompressRequest.Manual(Method.TUCKER2, new RankRequest(List.of(4, 5), null));
    FineTune.Settings tune = new FineTune.Settings(2, 0.01, 64, 3, 0.5, 4);
    Latency.Settings latency = new Latency.Settings(1, 2, 3);
    CompressRequest built = CompressRequest.builder().setCheckpoint(Path.of("/ck")).setOut(Path.of("/out")).optForce(true)
        .optLayers(List.of("layer1.*")).setManual(manual).optFineTune(tune).optLatency(latency).optThreads(2).optDataset("cifar10")
        .optData(DATA).optArguments(List.of("compress", "--x")).build();
    CompressRequest direct = new CompressRequest(Path.of("/ck"), Path.of("/out"), true, List.of("layer1.*"), manual, null, null, tune,
        latency, 2, "cifar10", DATA, 256, false, List.of("compress", "--x"));
    assertThat(built).isEqualTo(direct);
    assertThat(Json.write(built)).isEqualTo(Json.write(direct)).contains("\"method\" : \"tucker2\"").contains("\"evalBatch\" : 256");
  }

  @Test
  void theDefaultsAreTheCommandLines() {
    AutoPlanner.Target target = AutoPlanner.Target.maxDrop(1.5);
    CompressRequest.Auto auto = CompressRequest.Auto.builder(target).build();
    assertThat(auto).isEqualTo(new CompressRequest.Auto(target, CandidateGrid.defaultMethods(), CandidateGrid.DEFAULT_KEEPS, null,
        Split.TRAIN, 2000, 0, 15, 1.0, TorchRuntime.NAME));
    CompressRequest r = CompressRequest.builder().setCheckpoint(Path.of("/ck")).setOut(Path.of("/out")).setAuto(auto).build();
    assertThat(r.finetune()).isEqualTo(new FineTune.Settings(0, 0.01, 128, 0, 0, 4));
    assertThat(r.latency()).isEqualTo(new Latency.Settings(128, 3, 20));
    assertThat(r.layers()).isEmpty();
    assertThat(r.threads()).isZero();
    assertThat(r.evalBatch()).isEqualTo(256);
    assertThat(r.data()).isEqualTo(DataOptions.defaults());
  }

  @Test
  void exactlyOneModeIsNeeded() {
    assertThatThrownBy(() -> CompressRequest.builder().setCheckpoint(Path.of("/ck")).setOut(Path.of("/out")).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("give either the method");
    assertThatThrownBy(() -> CompressRequest.builder().setOut(Path.of("/out")).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setCheckpoint");
  }

  /** docs/java-api.md's example. */
  @Test
  void theJavaApiPagesAutomaticRequestBuilds() {
    CompressRequest compress = CompressRequest.builder().setCheckpoint(Path.of("dense")).setOut(Path.of("out"))
        .setAuto(CompressRequest.Auto.builder(AutoPlanner.Target.maxDrop(1.0)).optImages(1000).build())
        .optFineTune(new FineTune.Settings(2, 0.01, 128, 0, 0, 4))
        .build();
    assertThat(compress.auto().images()).isEqualTo(1000);
    assertThat(compress.manual()).isNull();
    assertThat(compress.finetune().epochs()).isEqualTo(2);
  }
}
