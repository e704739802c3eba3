package dev.greenlight.linter.verify.error;

/**
 * A usage, configuration or I/O problem that stops verify before it can report findings (exit code
 * 2). The message is written for the user: it says what was wrong, where, and what to do.
 */
public final class VerifyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VerifyException(String message) {
    super(message);
  }

  public VerifyException(String message, Throwable cause) {
    super(message, cause);
  }
}
