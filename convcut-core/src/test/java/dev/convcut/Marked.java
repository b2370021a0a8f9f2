package dev.convcut;

/**
 * A message with the settings it refers to shown as {@code <NAME>}: lets a test check which
 * {@link Setting} a library message names, the part a front end words its own way.
 */
public final class Marked {
  private Marked() {}

  /** {@code e}'s message, each setting as {@code <NAME>} ({@code e} must be a {@link ConvcutException}). */
  public static String of(Throwable e) {
    return ((ConvcutException) e).words().render(s -> "<" + s.name() + ">");
  }
}
