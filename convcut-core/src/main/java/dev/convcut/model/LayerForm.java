package dev.convcut.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.convcut.io.Spelled;
import java.util.List;

/**
 * How a convolution slot is implemented: {@code dense} (one convolution with the slot's own
 * geometry; weights {@code NAME.weight}, {@code NAME.bias}) or {@code factorized} (a sequence of
 * convolutions applied in order; weights {@code NAME.factors.J.weight}, and only the last
 * factor's {@code NAME.factors.LAST.bias} when the slot has a bias). The checkpoint's
 * architecture JSON stores one form per factorized layer; layers it does not name are dense.
 *
 * @param kind dense or factorized (JSON: {@code dense} or {@code factorized})
 * @param factors the convolutions in order (empty for dense)
 * @param origin free text saying how the factors were made, e.g. {@code cut o|ihw rank 12}
 */
public record LayerForm(Kind kind, List<ConvSpec> factors, String origin) {
  /** The two ways a convolution slot is implemented, spelled {@code dense} and {@code factorized} in JSON and listings. */
  public enum Kind implements Spelled {
    DENSE,
    FACTORIZED;

    /** The kind spelled {@code text}; the error names the valid ones. */
    @JsonCreator
    public static Kind named(String text) {
      return Spelled.find(Kind.class, text).orElseThrow(() -> invalid(text));
    }

    private static IllegalArgumentException invalid(Object text) {
      return new IllegalArgumentException("layer form kind must be 'dense' or 'factorized', got '" + text + "'");
    }

    @Override
    public String toString() {
      return spelling();
    }
  }

  public LayerForm {
    factors = factors == null ? List.of() : List.copyOf(factors);
    if (kind == null) {
      throw Kind.invalid(null);
    }
    if (kind == Kind.DENSE) {
      if (!factors.isEmpty()) {
        throw new IllegalArgumentException("a dense layer form has no factors, got " + factors.size());
      }
    } else {
      if (factors.isEmpty()) {
        throw new IllegalArgumentException("a factorized layer form needs at least one factor");
      }
      for (int j = 1; j < factors.size(); j++) {
        if (factors.get(j).inChannels() != factors.get(j - 1).outChannels()) {
          throw new IllegalArgumentException("factor " + j + " takes " + factors.get(j).inChannels()
              + " channels but factor " + (j - 1) + " gives " + factors.get(j - 1).outChannels());
        }
      }
      for (int j = 0; j < factors.size() - 1; j++) {
        if (factors.get(j).bias()) {
          throw new IllegalArgumentException("only the last factor may carry a bias, factor " + j + " has one");
        }
      }
    }
  }

  public static LayerForm dense() {
    return new LayerForm(Kind.DENSE, List.of(), null);
  }

  @JsonIgnore
  public boolean isDense() {
    return kind == Kind.DENSE;
  }

  /** The parameter name of factor {@code j}'s weight (or bias) in slot {@code layer}. */
  public static String factorParam(String layer, int j, String what) {
    return layer + ".factors." + j + "." + what;
  }
}
