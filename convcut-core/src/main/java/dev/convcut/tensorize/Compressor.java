package dev.convcut.tensorize;

import ai.djl.ndarray.NDManager;
import dev.convcut.model.LayerForm;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.model.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the compressed network: the source network's architecture with the given layers in
 * their factorized forms, every other array (other convolutions, BatchNorm parameters and
 * running statistics, linear layers) copied from the source, and the factor arrays from the
 * decompositions. The source is left untouched.
 */
public final class Compressor {
  private Compressor() {}

  /** A new network in a sub-manager of {@code manager}; close it when done. */
  public static Network apply(Network source, List<FactorizedLayer> layers, NDManager manager) {
    Map<String, LayerForm> forms = new LinkedHashMap<>(source.forms());
    Map<String, float[]> factorArrays = new LinkedHashMap<>();
    for (FactorizedLayer l : layers) {
      if (forms.put(l.name(), l.form()) != null) {
        throw new IllegalArgumentException("layer " + l.name() + " is factorized twice, or was already factorized");
      }
      factorArrays.putAll(l.arrays());
    }
    Network net = ModelZoo.build(source.spec(), forms, manager, 0);
    try {
      for (Param p : net.params()) {
        float[] values = factorArrays.remove(p.name());
        if (values == null) {
          Param from = source.param(p.name());
          if (from == null) {
            throw new IllegalStateException("no values for " + p.name() + " in the source network or the factors");
          }
          values = from.array().toFloatArray();
        }
        p.array().set(values);
      }
      if (!factorArrays.isEmpty()) {
        throw new IllegalStateException("factor arrays the network does not have: " + factorArrays.keySet());
      }
      return net;
    } catch (RuntimeException e) {
      net.close();
      throw e;
    }
  }
}
