package dev.convcut;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A message whose references to settings stay {@link Setting}s until it is shown: the library
 * shows each in words ({@link Setting#phrase()}, "the fine-tuning batch size"), a front end by
 * its own name for it (the CLI: the flag). Immutable.
 */
public final class Words implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Serializable> parts;

  private Words(List<Serializable> parts) {
    this.parts = List.copyOf(parts);
  }

  /**
   * A message of {@code parts} in order: a {@link Setting}, a {@link #term}, a {@link #padded}
   * or a nested {@code Words} stays a reference; anything else is text ({@link String#valueOf}).
   */
  public static Words of(Object... parts) {
    return new Words(List.of()).then(parts);
  }

  /** This message followed by {@code more}, as {@link #of} reads them. */
  public Words then(Object... more) {
    List<Serializable> all = new ArrayList<>(parts);
    Arrays.stream(more).map(Words::part).forEach(all::add);
    return new Words(all);
  }

  /** Why {@code e} was thrown, keeping its settings when it is a {@link ConvcutException}. */
  public static Words reason(Throwable e) {
    return e instanceof ConvcutException c ? c.words() : of(e.getMessage());
  }

  /** A reference to {@code setting} that the library words as {@code phrase} in this message. */
  public static Serializable term(Setting setting, String phrase) {
    return new Term(setting, phrase);
  }

  /** {@code parts} padded with spaces to {@code width} characters however they are shown (table cells). */
  public static Serializable padded(int width, Object... parts) {
    return new Padded(width, of(parts));
  }

  /** The message as the library shows it. */
  @Override
  public String toString() {
    return render(null);
  }

  /** The message with every setting (also those worded by a {@link #term}) named by {@code name}. */
  public String render(Function<Setting, String> name) {
    StringBuilder text = new StringBuilder();
    for (Serializable part : parts) {
      if (part instanceof Setting s) {
        text.append(name == null ? s.phrase() : name.apply(s));
      } else if (part instanceof Term t) {
        text.append(name == null ? t.phrase() : name.apply(t.setting()));
      } else if (part instanceof Padded p) {
        String inner = p.words().render(name);
        text.append(inner).append(" ".repeat(Math.max(0, p.width() - inner.length())));
      } else if (part instanceof Words w) {
        text.append(w.render(name));
      } else {
        text.append(part);
      }
    }
    return text.toString();
  }

  private static Serializable part(Object o) {
    return o instanceof Setting || o instanceof Term || o instanceof Padded || o instanceof Words
        ? (Serializable) o : String.valueOf(o);
  }

  private record Term(Setting setting, String phrase) implements Serializable {}

  private record Padded(int width, Words words) implements Serializable {}
}
