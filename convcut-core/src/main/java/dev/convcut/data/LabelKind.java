package dev.convcut.data;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Which label to read where a dataset has two: CIFAR-100 labels each image with one of 100 fine
 * classes and one of 20 coarse super-classes. Every other dataset has fine labels only.
 */
public enum LabelKind {
  FINE,
  COARSE;

  /** {@code fine} or {@code coarse}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}
