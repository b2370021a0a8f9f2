package dev.convcut;

/**
 * A failure the user can act on: a broken file, a missing dataset, a checkpoint that does not
 * load. The message names the file, field or value and what would be valid; the CLI prints it
 * and exits with status 1.
 */
public class ConvcutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConvcutException(String message) {
    super(message);
  }

  public ConvcutException(String message, Throwable cause) {
    super(message, cause);
  }
}
