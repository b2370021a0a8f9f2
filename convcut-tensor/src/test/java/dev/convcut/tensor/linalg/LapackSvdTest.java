package dev.convcut.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LapackSvdTest extends SvdContract {
  @Override
  protected Svd svd() {
    return LapackSvd.DOUBLE;
  }

  @Test
  void singlePrecisionAgreesToFloatAccuracy() {
    Matrix a = TestMatrices.withSingularValues(new Random(3), 40, 25, TestMatrices.geometric(25, 0.1));
    double[] exact = LapackSvd.DOUBLE.values(a);
    double[] single = LapackSvd.SINGLE.values(a);
    ThinSvd thin = LapackSvd.SINGLE.thin(a);
    for (int j = 0; j < exact.length; j++) {
      assertThat(single[j]).isCloseTo(exact[j], within(1e-5 * exact[0]));
    }
    assertThat(thin.reconstruct().distance(a) / a.frobeniusNorm()).isLessThan(1e-5);
  }

  @Test
  void namesSayWhichRoutineRuns() {
    assertThat(LapackSvd.DOUBLE.name()).isEqualTo("lapack-dgesdd");
    assertThat(LapackSvd.SINGLE.name()).isEqualTo("lapack-sgesdd");
    assertThat(Svd.standard()).isSameAs(LapackSvd.DOUBLE);
  }
}
