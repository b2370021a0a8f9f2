package dev.convcut.tensor.decompose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.TestKernels;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every exact factorization passes: at full rank its convolution chain reproduces the
 * kernel, for ordinary and odd shapes alike; the input is never modified; the chain is a valid
 * sequence of convolutions (each factor's outputs feed the next one's inputs).
 */
public abstract class FactorizationContract {
  /** The factorization at full rank. */
  protected abstract Factorization fullRank(Kernel w);

  /** A factorization at a lower rank, which must not be exact for a random kernel. */
  protected abstract Factorization truncated(Kernel w);

  static Stream<int[]> shapes() {
    return Stream.of(new int[] {6, 4, 3, 3}, new int[] {5, 3, 1, 1}, new int[] {1, 4, 3, 3}, new int[] {6, 1, 3, 3},
        new int[] {1, 1, 1, 1}, new int[] {4, 3, 1, 5}, new int[] {3, 2, 5, 2}, new int[] {16, 2, 3, 3});
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void fullRankReproducesTheKernel(int[] shape) {
    Kernel w = TestKernels.gaussian(new Random(71), shape);
    Factorization f = fullRank(w);
    assertThat(f.original()).isSameAs(w);
    assertThat(f.reconstruct().shape()).containsExactly(shape);
    assertThat(f.relativeError()).isLessThanOrEqualTo(1e-10);
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void theChainIsAValidSequenceOfConvolutions(int[] shape) {
    Kernel w = TestKernels.gaussian(new Random(72), shape);
    Factorization f = fullRank(w);
    assertThat(f.factors().get(0).inChannels()).isEqualTo(shape[1]);
    assertThat(f.factors().get(f.factors().size() - 1).outChannels()).isEqualTo(shape[0]);
    for (int n = 1; n < f.factors().size(); n++) {
      assertThat(f.factors().get(n).inChannels()).isEqualTo(f.factors().get(n - 1).outChannels());
    }
    assertThat(f.parameters()).isEqualTo(f.factors().stream().mapToLong(c -> c.weight().size()).sum());
  }

  @Test
  void theInputIsNeverModified() {
    Kernel w = TestKernels.gaussian(new Random(73), 6, 4, 3, 3);
    double[] before = w.toDoubleArray();
    fullRank(w);
    truncated(w);
    assertThat(w.toDoubleArray()).containsExactly(before);
  }

  @Test
  void aLowerRankIsNotExactButNoWorseThanTheWholeKernel() {
    Kernel w = TestKernels.gaussian(new Random(74), 6, 4, 3, 3);
    double e = truncated(w).relativeError();
    assertThat(e).isGreaterThan(1e-3).isLessThan(1);
  }

  @Test
  void aZeroKernelFactorizesToZero() {
    Kernel zero = Kernel.zeros(4, 3, 3, 3);
    assertThat(fullRank(zero).reconstruct().norm()).isZero();
  }
}
