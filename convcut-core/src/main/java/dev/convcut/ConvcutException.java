package dev.convcut;

/**
 * A failure the user can act on: a broken file, a missing dataset, a checkpoint that does not
 * load. The message names the file, field or value and what would be valid, in the library's
 * words; {@link #words()} keeps the settings it refers to apart, so a front end (the CLI) can
 * name them its own way. The CLI prints it and exits with status 1.
 */
public class ConvcutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Words words;

  public ConvcutException(String message) {
    super(message);
    this.words = Words.of(message);
  }

  public ConvcutException(String message, Throwable cause) {
    super(message, cause);
    this.words = Words.of(message);
  }

  public ConvcutException(Words words) {
    super(words.toString());
    this.words = words;
  }

  public ConvcutException(Words words, Throwable cause) {
    super(words.toString(), cause);
    this.words = words;
  }

  /** The message with the settings it mentions kept as {@link Setting}s. */
  public Words words() {
    return words;
  }
}
