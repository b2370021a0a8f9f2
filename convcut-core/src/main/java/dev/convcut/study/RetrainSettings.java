package dev.convcut.study;

import java.nio.file.Path;

/**
 * How to re-train a truncated model: a label for its curve in retrain.csv ({@code dense},
 * {@code projected}), the recipe, whether to project onto the truncation's ranks after every
 * step, the tolerance that decides "recovered", and where to write.
 */
public record RetrainSettings(String label, Recipe recipe, boolean projected, double tolerance, Path out, boolean force,
    boolean progress) {
  public RetrainSettings {
    if (label == null || !label.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("a re-training label is letters, digits, '.', '_' or '-', got '" + label + "'");
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be ≥ 0 points, got " + tolerance);
    }
  }
}
