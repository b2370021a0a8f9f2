package dev.convcut.cli;

import dev.convcut.InvalidRequestException;

/**
 * A command line that cannot be carried out as typed, worded by the CLI itself (it may name
 * flags). {@link Main} prints it with a pointer to {@code --help} and exits with status 2, as it
 * does for the library's {@link InvalidRequestException}s.
 */
final class UsageException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
