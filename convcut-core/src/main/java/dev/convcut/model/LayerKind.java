package dev.convcut.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.convcut.io.Spelled;

/** What a weight layer is: a 2-D convolution or a fully connected layer; listings and JSON spell it {@code conv} or {@code linear}. */
public enum LayerKind implements Spelled {
  CONV,
  LINEAR;

  /** The kind spelled {@code text}; the error lists the valid ones. */
  @JsonCreator
  public static LayerKind named(String text) {
    return Spelled.find(LayerKind.class, text).orElseThrow(() -> new IllegalArgumentException("layer kind must be one of "
        + Spelled.spellings(LayerKind.class) + ", got '" + text + "'"));
  }

  @Override
  public String toString() {
    return spelling();
  }
}
