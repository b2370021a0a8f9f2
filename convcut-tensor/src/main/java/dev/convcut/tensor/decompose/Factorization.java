package dev.convcut.tensor.decompose;

import dev.convcut.tensor.Kernel;
import java.util.List;

/**
 * A kernel written as a chain of convolutions, input side first. At full rank the chain
 * reproduces the original layer; {@link #reconstruct()} composes it back into one dense kernel to
 * measure how closely.
 */
public interface Factorization {

  /** The kernel that was decomposed. */
  Kernel original();

  /** The convolutions in the order they are applied. */
  List<ConvFactor> factors();

  /** The dense kernel the chain computes (stride 1, no dilation). */
  default Kernel reconstruct() {
    return ConvChain.collapse(factors());
  }

  /** {@code ‖W − reconstruct()‖ / ‖W‖}. */
  default double relativeError() {
    return reconstruct().relativeErrorTo(original());
  }

  /** The chain's weight count, to compare with {@code original().size()}. */
  default long parameters() {
    return factors().stream().mapToLong(ConvFactor::parameters).sum();
  }
}
