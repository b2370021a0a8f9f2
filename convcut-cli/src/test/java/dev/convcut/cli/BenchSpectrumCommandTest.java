package dev.convcut.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSpectrumCommandTest {
  @Test
  void benchListsSpectrumAndItsHelpShowsAnExample() {
    MainTest.Result r = MainTest.run("bench", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("spectrum");
    MainTest.Result help = MainTest.run("bench", "spectrum", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--vectors").contains("--dtype").contains("Example").contains("convcut bench spectrum --vectors");
  }

  @Test
  void aRunWithoutThePeerTimesConvcutAndSaysWhyThePeerIsMissing(@TempDir Path empty) {
    MainTest.Result r = MainTest.run("bench", "spectrum", "--limit", "2", "--peer", empty.toString(), "--threads", "1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("2 random kernels").contains("convcut lapack-dgesdd, same SVDs, one at a time")
        .contains("peer: not measured: no numpy_cuts.py in " + empty);
    assertThat(r.err()).contains("no peer figures");
  }

  @Test
  void badOptionsAreUsageErrors() {
    MainTest.Result dtype = MainTest.run("bench", "spectrum", "--dtype", "float16");
    assertThat(dtype.code()).isEqualTo(2);
    assertThat(dtype.err()).contains("--dtype must be float64 or float32, got 'float16'");
    MainTest.Result gram = MainTest.run("bench", "spectrum", "--svd", "gram", "--dtype", "float32");
    assertThat(gram.code()).isEqualTo(2);
    assertThat(gram.err()).contains("--svd gram works in float64 only");
    assertThat(MainTest.run("bench", "spectrum", "--svd", "jacobi").err()).contains("--svd must be lapack or gram");
  }

  @Test
  void theDefaultPeerIsSharedPeerBesideTheRepository() {
    assertThat(BenchSpectrumCommand.defaultPeer().endsWith(Path.of("shared", "peer"))).isTrue();
  }
}
