package dev.convcut.bench;

import dev.convcut.Marked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.ConvcutException;
import dev.convcut.data.PythonPeer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PeerBlasTest {
  /** Debian's reference BLAS (package libblas3, which python3-numpy pulls in). */
  private static final Path REFERENCE = Path.of("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3");
  private static final Path SYSTEM_BLAS = Path.of("/usr/lib/x86_64-linux-gnu/libblas.so.3");

  @Test
  void aNumpyOnTheReferenceBlasIsRefusedNamingTheLibraryAndThePackageToInstall() {
    PythonPeer.require(List.of("numpy"));
    Assumptions.assumeTrue(Files.isRegularFile(REFERENCE), "Debian's reference BLAS is not at " + REFERENCE);
    // Preloading the reference library makes numpy call it, whichever BLAS the alternatives name.
    assertThatThrownBy(() -> PeerBlas.require(PythonPeer.PYTHON, List.of("numpy"), Map.of("LD_PRELOAD", REFERENCE.toString())))
        .isInstanceOf(ConvcutException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("/blas/libblas.so.3")
        .hasMessageContaining("libopenblas0-pthread")
        .hasMessageContaining("or time convcut alone with the no-peer option")
        .satisfies(e -> assertThat(Marked.of(e)).endsWith("or time convcut alone with <NO_PEER>"));
  }

  @Test
  void numpyAndTorchOnOpenBlasPassAndTheVerdictNamesTheLibrary() throws IOException {
    PythonPeer.require(List.of("numpy", "torch"));
    Assumptions.assumeTrue(SYSTEM_BLAS.toRealPath().toString().contains("openblas"),
        "libblas.so.3 is not OpenBLAS here (.ci/run installs libopenblas0-pthread)");
    String verdict = PeerBlas.require(PythonPeer.PYTHON, List.of("numpy", "torch"));
    assertThat(verdict).startsWith("numpy ").contains(", torch ").contains("openblas");
  }

  @Test
  void aPythonThatCannotImportTheModuleIsAFailureNotAPass() {
    PythonPeer.require(List.of("numpy"));
    assertThatThrownBy(() -> PeerBlas.require(PythonPeer.PYTHON, List.of("no_such_module_for_convcut")))
        .isInstanceOf(ConvcutException.class)
        .hasMessageContaining("could not check the peer's BLAS")
        .hasMessageContaining("no_such_module_for_convcut");
  }
}
