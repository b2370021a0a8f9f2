package dev.convcut.tensor.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.TestKernels;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CpAlsTest extends FactorizationContract {
  /**
   * At {@code R_max = O·I·H·W / max(O, I, H, W)} an exact CP exists, and CP-ALS run to a tight
   * tolerance finds it on the contract's shapes (measured: relative error at most 2.2e-13).
   */
  @Override
  protected Factorization fullRank(Kernel w) {
    int[] d = w.shape();
    int max = Math.max(Math.max(d[0], d[1]), Math.max(d[2], d[3]));
    return CpAls.decompose(w, new CpAls.Options((int) (w.size() / max), 7L, 1e-15, 20000));
  }

  @Override
  protected Factorization truncated(Kernel w) {
    return CpAls.decompose(w, CpAls.Options.ofRank(2));
  }

  /** {@code Σ_r A[o,r] B[i,r] C[h,r] D[w,r]} with random factors: a kernel of CP rank at most {@code rank}. */
  static Kernel lowCpRank(Random rng, int rank, int... d) {
    double[][] f = new double[4][];
    for (int m = 0; m < 4; m++) {
      f[m] = new double[d[m] * rank];
      for (int k = 0; k < f[m].length; k++) {
        f[m][k] = rng.nextGaussian();
      }
    }
    double[] x = new double[d[0] * d[1] * d[2] * d[3]];
    int p = 0;
    for (int o = 0; o < d[0]; o++) {
      for (int i = 0; i < d[1]; i++) {
        for (int h = 0; h < d[2]; h++) {
          for (int w = 0; w < d[3]; w++, p++) {
            for (int r = 0; r < rank; r++) {
              x[p] += f[0][o * rank + r] * f[1][i * rank + r] * f[2][h * rank + r] * f[3][w * rank + r];
            }
          }
        }
      }
    }
    return Kernel.of(x, d);
  }

  @Test
  void aKernelOfLowCpRankIsRecoveredAlmostExactly() {
    Kernel w = lowCpRank(new Random(111), 3, 8, 6, 3, 3);
    CpDecomposition cp = CpAls.decompose(w, new CpAls.Options(3, 7L, 1e-12, 2000));
    assertThat(cp.fit()).isGreaterThan(0.9999);
    assertThat(cp.relativeError()).isCloseTo(1 - cp.fit(), within(1e-12));
  }

  @Test
  void theFactorsBecomeTheFourConvolutionsOfTheTable() {
    CpDecomposition cp = CpAls.decompose(TestKernels.gaussian(new Random(112), 8, 6, 3, 3), CpAls.Options.ofRank(5));
    assertThat(cp.factors().get(0).weight().shape()).containsExactly(5, 6, 1, 1);
    assertThat(cp.factors().get(1).weight().shape()).containsExactly(5, 1, 3, 1);
    assertThat(cp.factors().get(1).groups()).isEqualTo(5);
    assertThat(cp.factors().get(2).weight().shape()).containsExactly(5, 1, 1, 3);
    assertThat(cp.factors().get(2).groups()).isEqualTo(5);
    assertThat(cp.factors().get(3).weight().shape()).containsExactly(8, 5, 1, 1);
    assertThat(cp.factors().get(1).axes()).isEqualTo(SpatialAxes.ROWS);
    assertThat(cp.factors().get(2).axes()).isEqualTo(SpatialAxes.COLUMNS);
  }

  @Test
  void theSameSeedGivesTheSameDecompositionAndAnotherSeedMayNot() {
    Kernel w = TestKernels.gaussian(new Random(113), 6, 4, 3, 3);
    CpDecomposition a = CpAls.decompose(w, new CpAls.Options(4, 1L, 1e-8, 50));
    CpDecomposition b = CpAls.decompose(w, new CpAls.Options(4, 1L, 1e-8, 50));
    assertThat(a.lambda()).containsExactly(b.lambda());
    assertThat(a.factor(0)).containsExactly(b.factor(0));
    assertThat(a.iterations()).isEqualTo(b.iterations());
  }

  @Test
  void theIterationLimitStopsEarlyAndSaysItDidNotConverge() {
    Kernel w = TestKernels.gaussian(new Random(114), 6, 4, 3, 3);
    CpDecomposition cp = CpAls.decompose(w, new CpAls.Options(6, 0L, 0, 3));
    assertThat(cp.iterations()).isEqualTo(3);
    assertThat(cp.converged()).isFalse();
    CpDecomposition loose = CpAls.decompose(w, new CpAls.Options(6, 0L, 1e-2, 500));
    assertThat(loose.converged()).isTrue();
    assertThat(loose.iterations()).isLessThan(500);
  }

  @Test
  void moreComponentsFitBetter() {
    Kernel w = TestKernels.gaussian(new Random(115), 6, 4, 3, 3);
    double fit2 = CpAls.decompose(w, CpAls.Options.ofRank(2)).fit();
    double fit12 = CpAls.decompose(w, CpAls.Options.ofRank(12)).fit();
    assertThat(fit12).isGreaterThan(fit2);
    assertThat(fit2).isGreaterThan(0).isLessThan(1);
  }

  @Test
  void extremeMagnitudesAndTheInputAreHandled() {
    Kernel w = lowCpRank(new Random(116), 2, 5, 4, 3, 3);
    double[] before = w.toDoubleArray();
    for (double scale : new double[] {1e-200, 1e200}) {
      CpDecomposition cp = CpAls.decompose(TestKernels.scaled(w, scale), new CpAls.Options(2, 3L, 1e-12, 2000));
      assertThat(cp.fit()).as("scale %s", scale).isGreaterThan(0.9999);
    }
    assertThat(w.toDoubleArray()).containsExactly(before);
  }

  @Test
  void aZeroKernelHasAPerfectFit() {
    CpDecomposition cp = CpAls.decompose(Kernel.zeros(3, 3, 3, 3), CpAls.Options.ofRank(2));
    assertThat(cp.fit()).isEqualTo(1);
    assertThat(cp.reconstruct().norm()).isZero();
  }

  @Test
  void badOptionsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> CpAls.Options.ofRank(0)).hasMessageContaining("CP rank must be ≥ 1, got 0");
    assertThatThrownBy(() -> new CpAls.Options(2, 0, -1, 10)).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> new CpAls.Options(2, 0, 1e-6, 0)).hasMessageContaining("iteration limit");
    assertThatThrownBy(() -> CpAls.decompose(Kernel.zeros(3, 3), CpAls.Options.ofRank(1))).hasMessageContaining("4-index");
  }
}
