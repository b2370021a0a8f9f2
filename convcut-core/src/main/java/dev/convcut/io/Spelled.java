package dev.convcut.io;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A choice that files and command lines spell as its constant's name in lower case ({@code sgd},
 * {@code cosine}, {@code imagenet}): the enum implementing it is the type, its {@link #spelling()}
 * is what JSON shows (and its {@code toString()} what messages show), and each enum's own
 * {@code named(String)} refuses unknown text with a message listing the valid spellings.
 */
public interface Spelled {
  /** The text a file or the command line uses for this choice; also its JSON form. */
  @JsonValue
  default String spelling() {
    return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} spelled {@code text}, if any. */
  static <E extends Enum<E> & Spelled> Optional<E> find(Class<E> type, String text) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.spelling().equals(text)).findFirst();
  }

  /** Every spelling of {@code type}, in declaration order. */
  static <E extends Enum<E> & Spelled> List<String> spellings(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Spelled::spelling).toList();
  }
}
