package dev.convcut.tensor.spectrum;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Entropies;

/**
 * One layer's spectrum along one non-trivial cut: the matricization's shape, its singular values
 * (largest first), entropies and numerical rank. {@code sameAs} names the cut whose decomposition
 * served this one when the two coincide for the layer's shape, and is {@code null} otherwise.
 */
public record CutEntry(Cut cut, int rows, int cols, double[] singularValues, Entropies entropies, int numericalRank, Cut sameAs) {

  public CutEntry {
    if (singularValues.length != Math.min(rows, cols)) {
      throw new IllegalArgumentException("cut " + cut + ": " + singularValues.length + " singular values for a " + rows + " × " + cols
          + " matrix");
    }
    singularValues = singularValues.clone();
  }

  /** {@code min(rows, cols)}. */
  public int fullRank() {
    return singularValues.length;
  }

  /** A copy of the singular values. */
  @Override
  public double[] singularValues() {
    return singularValues.clone();
  }
}
