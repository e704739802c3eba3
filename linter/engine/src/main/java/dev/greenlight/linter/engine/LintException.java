package dev.greenlight.linter.engine;

/**
 * The run cannot produce a report: unreadable or broken input ({@code path:line:col: what}), a bad
 * path, a failing git. The CLI prints the message and exits with 2.
 */
public final class LintException extends Exception {
  private static final long serialVersionUID = 1L;

  public LintException(String message) {
    super(message);
  }
}
