package dev.convcut.tensorize;

import dev.convcut.Marked;
import dev.convcut.WithEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.InvalidRequestException;
import dev.convcut.model.Conv2d;
import dev.convcut.model.ConvSpec;
import dev.convcut.model.Init;
import dev.convcut.model.LayerForm;
import dev.convcut.model.Ops;
import dev.convcut.model.Param;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Level;
import dev.convcut.tensor.decompose.CpAls;
import dev.convcut.tensor.decompose.TensorTrain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FactorizerTest extends WithEngine {

  /** Every geometry the identity must hold for: strides 1 and 2, padding 0 and 1, dilation, non-square kernels, with and without bias. */
  static List<ConvSpec> geometries(int in, int out, int kh, int kw) {
    List<ConvSpec> specs = new ArrayList<>();
    for (int stride : new int[] {1, 2}) {
      for (int pad : new int[] {0, 1}) {
        specs.add(new ConvSpec(in, out, kh, kw, stride, stride, pad, pad, 1, 1, 1, pad == 1));
      }
    }
    specs.add(new ConvSpec(in, out, kh, kw, 2, 1, 1, 0, 1, 1, 1, true));
    specs.add(new ConvSpec(in, out, kh, kw, 1, 2, 0, 1, 2, 1, 1, false));
    specs.add(new ConvSpec(in, out, kh, kw, 1, 1, 2, 1, 1, 2, 1, true));
    return specs;
  }

  static Random rng = new Random(20);

  /** Keeps every factor, so the full-rank tests exercise each form's whole chain. */
  static final Factorizer UNFOLDED = new Factorizer(false);

  static float[] gaussian(int n) {
    float[] v = new float[n];
    for (int j = 0; j < n; j++) {
      v[j] = (float) rng.nextGaussian();
    }
    return v;
  }

  static DenseConv dense(ConvSpec spec, float[] weight) {
    return new DenseConv("conv", spec, 9, 8, weight, spec.bias() ? gaussian(spec.outChannels()) : null);
  }

  static DenseConv randomDense(ConvSpec spec) {
    return dense(spec, gaussian((int) (spec.params() - (spec.bias() ? spec.outChannels() : 0))));
  }

  /** Relative error of the factorized slot's output against the dense slot's, on the same random input. */
  static double outputError(FactorizedLayer f) {
    DenseConv d = f.dense();
    try (NDManager m = manager.newSubManager()) {
      Init init = new Init(m, 1);
      Conv2d dense = new Conv2d(d.name(), d.spec(), d.inH(), d.inW(), LayerForm.dense(), init, false);
      set(dense, Map.of("conv.weight", d.weight()));
      if (d.bias() != null) {
        set(dense, Map.of("conv.bias", d.bias()));
      }
      Conv2d fact = new Conv2d(d.name(), d.spec(), d.inH(), d.inW(), f.form(), init, false);
      set(fact, f.arrays());
      NDArray x = m.randomNormal(new Shape(2, d.spec().inChannels(), d.inH(), d.inW()));
      NDArray a = dense.forward(x, false);
      NDArray b = fact.forward(x, false);
      assertThat(b.getShape()).isEqualTo(a.getShape());
      return b.sub(a).norm().getFloat() / a.norm().getFloat();
    }
  }

  /** Relative error of the chain's output against a dense layer holding the kernel the chain computes. */
  static double chainError(FactorizedLayer f) {
    DenseConv d = f.dense();
    DenseConv reconstructed = new DenseConv(d.name(), d.spec(), d.inH(), d.inW(), f.reconstruction(), d.bias());
    return outputError(new FactorizedLayer(reconstructed, f.method(), f.ranks(), f.form(), f.weights(), f.reconstruction(), 0, 0));
  }

  static void set(Conv2d conv, Map<String, float[]> arrays) {
    for (Param p : conv.params()) {
      float[] v = arrays.get(p.name());
      if (v != null) {
        p.array().set(v);
      }
    }
  }

  @Test
  void everyCutAtFullRankComputesTheDenseLayer() {
    for (ConvSpec spec : geometries(4, 5, 3, 2)) {
      DenseConv d = randomDense(spec);
      for (Cut cut : Cut.fourIndex()) {
        FactorizedLayer f = UNFOLDED.factorize(d, Method.svd(cut), RankRequest.level(Level.keep(1.0)));
        assertThat(f.form().factors()).hasSize(2);
        assertThat(f.relError()).as("%s %s", cut, spec).isLessThan(1e-6);
        assertThat(outputError(f)).as("%s %s", cut, spec).isLessThan(1e-4);
      }
    }
  }

  @Test
  void tucker2AndTensorTrainAtFullRankComputeTheDenseLayer() {
    for (ConvSpec spec : geometries(4, 5, 2, 3)) {
      DenseConv d = randomDense(spec);
      FactorizedLayer t = UNFOLDED.factorize(d, Method.TUCKER2, RankRequest.ranks(5, 4));
      assertThat(t.form().factors()).hasSize(3);
      assertThat(outputError(t)).as("tucker2 %s", spec).isLessThan(1e-4);
      int[] max = TensorTrain.maxRanks(d.kernel());
      FactorizedLayer tt = UNFOLDED.factorize(d, Method.TT, RankRequest.ranks(max));
      assertThat(tt.form().factors()).hasSize(4);
      assertThat(outputError(tt)).as("tt %s", spec).isLessThan(1e-4);
    }
  }

  @Test
  void cpAtTheKernelsCpRankComputesTheDenseLayer() {
    Method precise = new Method(new CpAlsDecomposition(new CpAls.Options(1, 3L, 1e-13, 3000)), null);
    for (ConvSpec spec : geometries(4, 5, 3, 2)) {
      DenseConv d = dense(spec, lowCpRank(3, 5, 4, 3, 2));
      FactorizedLayer cp = UNFOLDED.factorize(d, precise, RankRequest.ranks(3));
      assertThat(cp.form().factors()).extracting(ConvSpec::groups).containsExactly(1, 3, 3, 1);
      assertThat(outputError(cp)).as("cp %s", spec).isLessThan(1e-4);
    }
  }

  @Test
  void atLowRankTheChainComputesTheDenseLayerWithTheReconstructedKernel() {
    ConvSpec spec = new ConvSpec(6, 8, 3, 3, 2, 2, 1, 1, 1, 1, 1, true);
    DenseConv d = randomDense(spec);
    List<FactorizedLayer> low = List.of(
        Factorizer.standard().factorize(d, Method.svd(Cut.OI_HW), RankRequest.ranks(2)),
        Factorizer.standard().factorize(d, Method.svd(Cut.OW_IH), RankRequest.ranks(3)),
        Factorizer.standard().factorize(d, Method.TUCKER2, RankRequest.ranks(3, 2)),
        Factorizer.standard().factorize(d, Method.TT, RankRequest.ranks(3, 4, 5)),
        Factorizer.standard().factorize(d, Method.CP, RankRequest.ranks(4)));
    for (FactorizedLayer f : low) {
      assertThat(f.relError()).as(f.method().toString()).isGreaterThan(0.05);
      FactorizedLayer asDense = Factorizer.standard().factorize(dense(spec, f.reconstruction()), Method.svd(Cut.O_IHW),
          RankRequest.level(Level.keep(1.0)));
      // The truncated kernel's own full-rank chain: same output as the low-rank chain.
      assertThat(outputError(asDense)).isLessThan(1e-4);
      assertThat(chainError(f)).as(f.method().toString()).isLessThan(1e-4);
    }
  }

  @Test
  void squarePassThroughFactorsAreMergedAndTheOutputStaysTheSame() {
    for (ConvSpec spec : geometries(4, 5, 3, 2)) {
      DenseConv d = randomDense(spec);
      FactorizedLayer tucker = Factorizer.standard().factorize(d, Method.TUCKER2, RankRequest.ranks(2, 4));
      assertThat(tucker.form().factors()).hasSize(2);
      assertThat(tucker.params()).isLessThan(UNFOLDED.factorize(d, Method.TUCKER2, RankRequest.ranks(2, 4)).params());
      assertThat(chainError(tucker)).as("%s", spec).isLessThan(1e-4);
      FactorizedLayer full = Factorizer.standard().factorize(d, Method.TT, RankRequest.ranks(TensorTrain.maxRanks(d.kernel())));
      assertThat(full.form().factors()).hasSize(2);
      assertThat(outputError(full)).as("%s", spec).isLessThan(1e-4);
    }
    DenseConv pointwise = randomDense(new ConvSpec(6, 4, 1, 1, 2, 2, 0, 0, 1, 1, 1, true));
    FactorizedLayer merged = Factorizer.standard().factorize(pointwise, Method.svd(Cut.O_IHW), RankRequest.ranks(4));
    assertThat(merged.form().factors()).hasSize(1);
    assertThat(merged.form().factors().get(0).strideH()).isEqualTo(2);
    assertThat(outputError(merged)).isLessThan(1e-4);
  }

  @Test
  void theFactorGeometriesSplitStrideAndPaddingByAxis() {
    ConvSpec spec = new ConvSpec(4, 6, 3, 5, 2, 3, 1, 2, 1, 2, 1, true);
    FactorizedLayer f = Factorizer.standard().factorize(randomDense(spec), Method.svd(Cut.OH_IW), RankRequest.ranks(2));
    ConvSpec first = f.form().factors().get(0);
    ConvSpec second = f.form().factors().get(1);
    assertThat(List.of(first.kernelH(), first.kernelW(), first.strideH(), first.strideW(), first.padH(), first.padW(),
        first.dilationH(), first.dilationW())).containsExactly(1, 5, 1, 3, 0, 2, 1, 2);
    assertThat(List.of(second.kernelH(), second.kernelW(), second.strideH(), second.strideW(), second.padH(), second.padW(),
        second.dilationH(), second.dilationW())).containsExactly(3, 1, 2, 1, 1, 0, 1, 1);
    assertThat(first.bias()).isFalse();
    assertThat(second.bias()).isTrue();
  }

  @Test
  void aRankAboveTheLayersLimitIsRefusedNamingLayerLimitAndChoices() {
    DenseConv d = randomDense(new ConvSpec(4, 5, 3, 2, 1, 1, 0, 0, 1, 1, 1, false));
    assertThatThrownBy(() -> Factorizer.standard().factorize(d, Method.svd(Cut.O_IHW), RankRequest.ranks(6)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("layer conv").hasMessageContaining("full rank 5")
        .hasMessageContaining("choose the rank 1..5, or the kept fraction F / the loss level ETA")
        .satisfies(e -> assertThat(Marked.of(e)).contains("choose <RANK> 1..5, or <KEEP> F / <LOSS> ETA"));
    assertThatThrownBy(() -> Factorizer.standard().factorize(d, Method.TUCKER2, RankRequest.ranks(5, 5)))
        .hasMessageContaining("r_i ≤ 4");
    assertThatThrownBy(() -> Factorizer.standard().factorize(d, Method.TT, RankRequest.ranks(4, 11, 1)))
        .hasMessageContaining("bond 2").hasMessageContaining("at most 10");
    assertThatThrownBy(() -> Factorizer.standard().factorize(d, Method.CP, RankRequest.ranks(25)))
        .hasMessageContaining("the rank 1..24");
    assertThatThrownBy(() -> Factorizer.standard().factorize(d, Method.TUCKER2, RankRequest.ranks(1, 2, 3)))
        .hasMessageContaining("r_o,r_i");
  }

  @Test
  void groupedPointwiseAndTrivialCutsAreRefusedWithTheChoices() {
    DenseConv grouped = randomDense(new ConvSpec(4, 4, 3, 3, 1, 1, 1, 1, 1, 1, 2, false));
    assertThatThrownBy(() -> Factorizer.standard().factorize(grouped, Method.TUCKER2, RankRequest.ranks(1)))
        .hasMessageContaining("groups=2");
    DenseConv pointwise = randomDense(new ConvSpec(8, 16, 1, 1, 2, 2, 0, 0, 1, 1, 1, false));
    assertThatThrownBy(() -> Factorizer.standard().factorize(pointwise, Method.CP, RankRequest.ranks(2)))
        .hasMessageContaining("1x1 kernel").hasMessageContaining("svd:o|ihw");
    assertThatThrownBy(() -> Factorizer.standard().factorize(pointwise, Method.svd(Cut.OI_HW), RankRequest.ranks(1)))
        .hasMessageContaining("trivial").hasMessageContaining("o|ihw");
    FactorizedLayer ok = Factorizer.standard().factorize(pointwise, Method.svd(Cut.O_IHW), RankRequest.ranks(8));
    assertThat(outputError(ok)).isLessThan(1e-4);
  }

  @Test
  void levelsChooseRanksPerMethodAsDocumented() {
    DenseConv d = randomDense(new ConvSpec(8, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, false));
    assertThat(Factorizer.standard().factorize(d, Method.TUCKER2, RankRequest.level(Level.keep(0.5))).ranks())
        .containsExactly(8, 4);
    // CP's keep is a fraction of O·I·H·W / max(O, I, H, W) = 72.
    assertThat(Factorizer.standard().factorize(d, Method.CP, RankRequest.level(Level.keep(0.1))).ranks())
        .containsExactly(8);
    FactorizedLayer byLoss = Factorizer.standard().factorize(d, Method.svd(Cut.O_IHW), RankRequest.level(Level.loss(0.05)));
    assertThat(byLoss.normLoss()).isLessThanOrEqualTo(0.05);
    assertThatThrownBy(() -> Factorizer.standard().factorize(d, Method.CP, RankRequest.level(Level.tol(0.1))))
        .hasMessageContaining("no meaning for cp");
  }

  @Test
  void cpByLossTakesTheSmallestRankWithinTheLoss() {
    DenseConv d = randomDense(new ConvSpec(4, 6, 3, 3, 1, 1, 1, 1, 1, 1, 1, false));
    FactorizedLayer f = Factorizer.standard().factorize(d, Method.CP, RankRequest.level(Level.loss(0.1)));
    assertThat(f.normLoss()).isLessThanOrEqualTo(0.1);
    int r = f.ranks().get(0);
    FactorizedLayer below = Factorizer.standard().factorize(d, Method.CP, RankRequest.ranks(r - 1));
    assertThat(below.normLoss()).isGreaterThan(0.1);
  }

  /** {@code Σ_r A[o,r] B[i,r] C[h,r] D[w,r]} with random factors, flattened {@code (O, I, H, W)}. */
  static float[] lowCpRank(int rank, int... d) {
    double[][] f = new double[4][];
    for (int m = 0; m < 4; m++) {
      f[m] = new double[d[m] * rank];
      for (int k = 0; k < f[m].length; k++) {
        f[m][k] = rng.nextGaussian();
      }
    }
    float[] x = new float[d[0] * d[1] * d[2] * d[3]];
    int p = 0;
    for (int o = 0; o < d[0]; o++) {
      for (int i = 0; i < d[1]; i++) {
        for (int h = 0; h < d[2]; h++) {
          for (int w = 0; w < d[3]; w++, p++) {
            double s = 0;
            for (int r = 0; r < rank; r++) {
              s += f[0][o * rank + r] * f[1][i * rank + r] * f[2][h * rank + r] * f[3][w * rank + r];
            }
            x[p] = (float) s;
          }
        }
      }
    }
    return x;
  }
}
