package dev.convcut.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.convcut.io.Spelled;

/**
 * A ResNet's first layers: {@code cifar} (3×3 stride-1 convolution, no max-pool) or
 * {@code imagenet} (7×7 stride 2 and a 3×3 stride-2 max-pool); files and the command line spell
 * it in lower case.
 */
public enum Stem implements Spelled {
  CIFAR,
  IMAGENET;

  /** The stem spelled {@code text}; the error names the valid ones. */
  @JsonCreator
  public static Stem named(String text) {
    return Spelled.find(Stem.class, text)
        .orElseThrow(() -> new IllegalArgumentException("stem must be 'cifar' or 'imagenet', got '" + text + "'"));
  }

  @Override
  public String toString() {
    return spelling();
  }
}
