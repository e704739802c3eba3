package dev.greenlight.cli;

/** Ends a command with an exit code and a one-line message on stderr. */
public final class ExitException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  public ExitException(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
