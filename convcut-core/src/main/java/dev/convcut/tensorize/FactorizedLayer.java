package dev.convcut.tensorize;

import dev.convcut.model.ConvSpec;
import dev.convcut.model.LayerForm;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.decompose.ConvFactor;
import dev.convcut.tensor.decompose.Factorization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One convolution factorized: the dense layer it replaces, the method and ranks, the factor
 * geometries (as the {@link LayerForm} the architecture stores), the factor weights in
 * application order, the dense kernel the chain computes, and how far that is from the trained
 * one ({@code norm_loss} η = 1 − ‖Ŵ‖/‖W‖, {@code rel_error} δ = ‖W − Ŵ‖/‖W‖).
 *
 * @param weights factor {@code j}'s weight, flattened in PyTorch's layout
 * @param reconstruction the dense kernel {@code Ŵ} the chain computes, flattened like {@code dense.weight()}
 */
public record FactorizedLayer(DenseConv dense, Method method, List<Integer> ranks, LayerForm form, List<float[]> weights,
    float[] reconstruction, double normLoss, double relError) {

  public FactorizedLayer {
    ranks = List.copyOf(ranks);
    weights = List.copyOf(weights);
    if (form.isDense() || form.factors().size() != weights.size()) {
      throw new IllegalArgumentException("layer " + dense.name() + ": " + weights.size() + " factor weights for form " + form);
    }
    for (int j = 0; j < weights.size(); j++) {
      long n = 1;
      for (long d : form.factors().get(j).weightShape()) {
        n *= d;
      }
      if (weights.get(j).length != n) {
        throw new IllegalArgumentException("layer " + dense.name() + " factor " + j + ": " + weights.get(j).length
            + " weights for shape " + java.util.Arrays.toString(form.factors().get(j).weightShape()));
      }
    }
  }

  /** The layer {@code f}'s factor chain computes, measured against {@code layer}'s kernel. */
  public static FactorizedLayer of(DenseConv layer, Method method, int[] ranks, Factorization f, boolean fold) {
    return of(layer, method, ranks, f, f.reconstruct(), fold);
  }

  /**
   * As {@link #of(DenseConv, Method, int[], Factorization, boolean)}, with the chain's dense
   * kernel already computed.
   *
   * @param fold merge a square 1×1 factor at either end of the chain into its neighbour ({@link PassThrough})
   */
  public static FactorizedLayer of(DenseConv layer, Method method, int[] ranks, Factorization f, Kernel reconstruction,
      boolean fold) {
    Kernel w = f.original();
    List<ConvFactor> factors = fold ? PassThrough.fold(f.factors()) : f.factors();
    List<float[]> weights = new ArrayList<>();
    for (ConvFactor c : factors) {
      weights.add(c.weight().toFloatArray());
    }
    String rankText = String.join(",", Arrays.stream(ranks).mapToObj(String::valueOf).toList());
    LayerForm form = new LayerForm(LayerForm.Kind.FACTORIZED, FactorSpecs.of(factors, layer.spec()), method + " rank " + rankText);
    double norm = w.norm();
    double normLoss = norm == 0 ? 0 : 1 - reconstruction.norm() / norm;
    double relError = norm == 0 ? 0 : reconstruction.distance(w) / norm;
    return new FactorizedLayer(layer, method, Arrays.stream(ranks).boxed().toList(), form, weights,
        reconstruction.toFloatArray(), normLoss, relError);
  }

  public String name() {
    return dense.name();
  }

  /** Weights plus the bias of the factor chain. */
  public long params() {
    return form.factors().stream().mapToLong(ConvSpec::params).sum();
  }

  /** Multiply-adds per image of the factor chain. */
  public long macs() {
    long macs = 0;
    int h = dense.inH();
    int w = dense.inW();
    for (ConvSpec c : form.factors()) {
      h = c.outputHeight(h);
      w = c.outputWidth(w);
      macs += c.macs(h, w);
    }
    return macs;
  }

  /** The ranks as text, e.g. {@code 12} or {@code 12,8}. */
  public String rankText() {
    return String.join(",", ranks.stream().map(String::valueOf).toList());
  }

  /** Every array of the factorized slot under its parameter name ({@code NAME.factors.J.weight}, last bias). */
  public Map<String, float[]> arrays() {
    Map<String, float[]> out = new LinkedHashMap<>();
    int last = weights.size() - 1;
    for (int j = 0; j <= last; j++) {
      out.put(LayerForm.factorParam(name(), j, "weight"), weights.get(j));
    }
    if (dense.bias() != null) {
      out.put(LayerForm.factorParam(name(), last, "bias"), dense.bias());
    }
    return out;
  }
}
