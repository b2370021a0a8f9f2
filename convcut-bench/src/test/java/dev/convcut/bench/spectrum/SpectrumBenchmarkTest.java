package dev.convcut.bench.spectrum;

import dev.convcut.Setting;
import dev.convcut.InvalidSettingException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.convcut.tensor.linalg.LapackSvd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumBenchmarkTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path PEER = Path.of("/work/shared/peer");

  @Test
  void withoutThePeerConvcutIsStillTimedAndTheTableSaysWhy(@TempDir Path empty) {
    List<String> log = new ArrayList<>();
    SpectrumBenchmark.Result r = SpectrumBenchmark.run(
        new SpectrumBenchmark.Options(false, "float64", LapackSvd.DOUBLE, 2, 0, 3, PYTHON, empty, true), log::add);
    assertThat(r.kernels()).isEqualTo(3);
    assertThat(r.rows()).extracting(SpectrumBenchmark.Row::svds).containsExactly(7 + 4 + 7, 7 + 1 + 7);
    assertThat(r.agreement()).isNull();
    assertThat(r.peerNote()).contains("no numpy_cuts.py in " + empty);
    String table = SpectrumBenchmarkTable.format(r);
    assertThat(table).contains("3 random kernels").contains("peer: not measured").contains("convcut spectrum, coinciding cuts once, 2 at a time");
    assertThat(log).anyMatch(l -> l.contains("no peer figures"));
  }

  @Test
  void withThePeerBothSidesAreTimedOnTheSameKernelsAndAgree() {
    assumeTrue(Files.isRegularFile(PEER.resolve(NumpyPeer.SCRIPT)), "the numpy peer is not on this machine");
    assumeTrue(NumpyPeer.locate(PYTHON, PEER).get().isPresent(), "python3 with numpy is not on this machine");
    SpectrumBenchmark.Result r = SpectrumBenchmark.run(
        new SpectrumBenchmark.Options(true, "float64", LapackSvd.DOUBLE, 1, 0, 3, PYTHON, PEER, true), l -> { });
    assertThat(r.rows()).hasSize(3);
    assertThat(r.rows().get(0).what()).startsWith("numpy");
    assertThat(r.rows().get(0).svds()).isEqualTo(r.rows().get(1).svds());
    assertThat(r.agreement().ok()).isTrue();
    assertThat(r.agreement().matrices()).isEqualTo(18);
    assertThat(SpectrumBenchmarkTable.format(r)).contains("vs peer").contains("1.00×").contains(": ok");
  }

  @Test
  void badOptionsAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> new SpectrumBenchmark.Options(false, "float16", LapackSvd.DOUBLE, 1, 0, 0, PYTHON, PEER, true))
        .hasMessage("the precision must be float64 or float32, got 'float16'")
        .satisfies(e -> assertThat(((InvalidSettingException) e).setting()).isEqualTo(Setting.DTYPE));
    assertThatThrownBy(() -> new SpectrumBenchmark.Options(false, "float64", LapackSvd.DOUBLE, 0, 0, 0, PYTHON, PEER, true))
        .hasMessage("the thread count must be ≥ 1, got 0");
  }
}
