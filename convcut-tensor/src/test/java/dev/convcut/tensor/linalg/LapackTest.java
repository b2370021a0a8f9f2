package dev.convcut.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LapackTest {
  @Test
  void openBlasStartsWithOneThreadAndSaysSo() {
    assertThat(Lapack.threads()).isEqualTo(Integer.getInteger(Lapack.THREADS_PROPERTY, 1));
    assertThat(Lapack.describe()).startsWith("OpenBLAS 0.3.31").contains("thread");
  }

  @Test
  void theThreadCountCanBeChangedAndRestored() {
    int before = Lapack.threads();
    try {
      Lapack.setThreads(2);
      assertThat(Lapack.threads()).isEqualTo(2);
    } finally {
      Lapack.setThreads(before);
    }
    assertThatThrownBy(() -> Lapack.setThreads(0)).hasMessageContaining("≥ 1, got 0");
  }

  @Test
  void infoCodesBecomeMessagesNamingRoutineMatrixAndCode() {
    Lapack.check(0, "LAPACK dgesdd", "a 3 × 4 matrix");
    assertThatThrownBy(() -> Lapack.check(5, "LAPACK dgesdd", "a 3 × 4 matrix"))
        .isInstanceOf(DecompositionException.class)
        .hasMessage("LAPACK dgesdd did not converge for a 3 × 4 matrix (info = 5: that many intermediate values failed to converge)");
    assertThatThrownBy(() -> Lapack.check(-4, "LAPACK dgesdd", "a 3 × 4 matrix")).hasMessageContaining("rejected argument 4");
    assertThatThrownBy(() -> Lapack.check(-1010, "LAPACK dsyevd", "x")).hasMessageContaining("could not allocate its workspace");
  }
}
