package dev.convcut;

/**
 * A request that cannot be carried out as asked: an unknown layer, a cut a layer cannot have, a
 * level out of range. Detected before any work starts; the CLI exits with status 2.
 */
public class UsageException extends ConvcutException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
