package dev.convcut.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GramSvdTest extends SvdContract {
  @Override
  protected Svd svd() {
    return new GramSvd();
  }

  /** Counts how often the Gram path hands a matrix on. */
  private static final class CountingSvd implements Svd {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public double[] values(Matrix a) {
      calls.incrementAndGet();
      return LapackSvd.DOUBLE.values(a);
    }

    @Override
    public ThinSvd thin(Matrix a) {
      calls.incrementAndGet();
      return LapackSvd.DOUBLE.thin(a);
    }

    @Override
    public String name() {
      return "counting";
    }
  }

  @Test
  void aWellConditionedMatrixIsAnsweredFromTheGramMatrix() {
    CountingSvd fallback = new CountingSvd();
    GramSvd gram = new GramSvd(GramSvd.DEFAULT_GUARD, fallback);
    Matrix a = TestMatrices.withSingularValues(new Random(5), 20, 60, TestMatrices.geometric(20, 0.05));
    gram.values(a);
    gram.thin(a);
    gram.thin(a.transpose());
    assertThat(fallback.calls).hasValue(0);
  }

  @Test
  void anIllConditionedMatrixGoesToTheFallback() {
    CountingSvd fallback = new CountingSvd();
    GramSvd gram = new GramSvd(GramSvd.DEFAULT_GUARD, fallback);
    Matrix a = TestMatrices.withSingularValues(new Random(5), 20, 60, TestMatrices.geometric(20, 1e-3));
    gram.values(a);
    gram.thin(a);
    assertThat(fallback.calls).hasValue(2);
  }

  @Test
  void aGuardOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new GramSvd(1.5, LapackSvd.DOUBLE)).hasMessageContaining("guard").hasMessageContaining("1.5");
  }
}
