package dev.convcut.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  @Test
  void aRunWithoutTheEngineRecordsNoEngineVersionsAndNoDevice() {
    RunRecord r = Provenance.start("report", List.of("report", "--run", "x")).withoutEngine().configuration("c").finish("done");
    assertThat(r.command()).isEqualTo("report");
    assertThat(r.machine().device()).isEqualTo("none");
    assertThat(r.code().djlVersion()).isNull();
    assertThat(r.code().pytorchVersion()).isNull();
    assertThat(r.code().convcutVersion()).isNotBlank();
    assertThat(r.results()).isEqualTo("done");
  }
}
