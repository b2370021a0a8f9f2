package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.InvalidRequestException;
import dev.convcut.WithEngine;
import dev.convcut.model.ConvSpec;
import dev.convcut.tensor.Level;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Decomposition} passes, convcut's and a user's alike (extend this and name
 * the decomposition): it is registered under its name and its methods print as they parse; a 3×3
 * convolution takes it, with as many ranks as it says; its factor chain computes what the dense
 * layer with the reconstructed kernel computes, for strided, padded, dilated and biased layers;
 * at full rank that is the layer itself; it refuses grouped convolutions (through the {@link
 * Factorizer}) and ranks above what a layer holds, naming the layer; the automatic search's
 * request works and a cheap parameter count, where it gives one, is the chain's.
 */
public abstract class DecompositionContract extends WithEngine {
  protected abstract Decomposition decomposition();

  /** The method the contract factorizes with: the decomposition with its first cut, if it takes one. */
  protected Method method() {
    Decomposition d = decomposition();
    return new Method(d, d.takesCut() ? d.cuts().get(0) : null);
  }

  private static final ConvSpec PLAIN = new ConvSpec(6, 8, 3, 3, 1, 1, 1, 1, 1, 1, 1, true);

  @Test
  void itIsRegisteredAndItsMethodsPrintAsTheyParse() {
    Decomposition d = decomposition();
    assertThat(d.name()).isNotBlank().isLowerCase().doesNotContain(":");
    assertThat(Decompositions.find(d.name())).isSameAs(d);
    assertThat(d.rankCount()).isPositive();
    assertThat(d.description()).isNotBlank();
    assertThat(Method.parse(method().toString())).isEqualTo(method());
  }

  @Test
  void theChainComputesWhatTheReconstructedKernelComputesInEveryGeometry() {
    for (ConvSpec spec : FactorizerTest.geometries(6, 8, 3, 3)) {
      DenseConv layer = FactorizerTest.randomDense(spec);
      assertThat(Factorizer.refusal(layer, method())).as("%s on %s", method(), spec).isNull();
      FactorizedLayer f = new Factorizer(false).factorize(layer, method(), RankRequest.level(Level.keep(0.5)));
      assertThat(f.ranks()).hasSize(decomposition().rankCount());
      assertThat(f.form().factors()).hasSameSizeAs(f.weights());
      assertThat(f.reconstruction()).hasSize(layer.weight().length);
      assertThat(f.normLoss()).isBetween(0.0, 1.0);
      assertThat(FactorizerTest.chainError(f)).as("%s on %s", method(), spec).isLessThan(1e-4);
    }
  }

  @Test
  void atFullRankTheChainIsTheDenseLayer() {
    DenseConv layer = FactorizerTest.randomDense(PLAIN);
    FactorizedLayer f = Factorizer.standard().factorize(layer, method(), RankRequest.level(Level.keep(1.0)));
    assertThat(f.relError()).isLessThan(1e-4);
    assertThat(FactorizerTest.outputError(f)).isLessThan(1e-4);
  }

  @Test
  void groupedConvolutionsAndRanksAboveTheLimitAreRefusedNamingTheLayer() {
    DenseConv grouped = FactorizerTest.randomDense(new ConvSpec(6, 8, 3, 3, 1, 1, 1, 1, 1, 1, 2, false));
    assertThatThrownBy(() -> Factorizer.standard().factorize(grouped, method(), RankRequest.ranks(1)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("conv").hasMessageContaining("groups=2");
    DenseConv layer = FactorizerTest.randomDense(PLAIN);
    int[] huge = new int[decomposition().rankCount()];
    Arrays.fill(huge, 100_000);
    assertThatThrownBy(() -> Factorizer.standard().factorize(layer, method(), RankRequest.ranks(huge)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("layer conv");
  }

  @Test
  void theSearchRequestFactorizesAndACheapParameterCountIsTheChains() {
    DenseConv layer = FactorizerTest.randomDense(PLAIN);
    RankRequest request = decomposition().searchRequest(layer, 0.25);
    FactorizedLayer f = Factorizer.standard().factorize(layer, method(), request);
    long params = decomposition().params(layer, f.ranks().stream().mapToInt(Integer::intValue).toArray());
    if (params >= 0) {
      assertThat(params).isEqualTo(new Factorizer(false).factorize(layer, method(), RankRequest.ranks(
          f.ranks().stream().mapToInt(Integer::intValue).toArray())).params());
    }
  }
}
