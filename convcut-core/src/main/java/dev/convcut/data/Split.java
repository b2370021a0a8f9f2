package dev.convcut.data;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The two splits every dataset of the study ships with: the training images and the test images. */
public enum Split {
  TRAIN,
  TEST;

  /** The split's name as written in files and on the command line: {@code train} or {@code test}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code train} or {@code test} (any case); anything else names the valid values. */
  public static Split parse(String text) {
    for (Split s : values()) {
      if (s.id().equalsIgnoreCase(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("split must be one of "
        + Arrays.stream(values()).map(Split::id).collect(Collectors.joining(", ")) + ", got '" + text + "'");
  }

  @Override
  public String toString() {
    return id();
  }
}
