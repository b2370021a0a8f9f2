package dev.convcut;

/**
 * A request that cannot be carried out as asked: an unknown layer, a cut a layer cannot have, a
 * level out of range, a setting that contradicts another. Detected before any work starts; the
 * CLI reports it as a usage error (status 2).
 */
public class InvalidRequestException extends ConvcutException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(Words words) {
    super(words);
  }

  /** A message made of {@code parts}, as {@link Words#of} joins them. */
  public InvalidRequestException(Object... parts) {
    super(Words.of(parts));
  }
}
