package dev.greenlight.linter.engine.git;

/** A git command failed or is missing; the message says which and why. */
public final class GitException extends Exception {
  private static final long serialVersionUID = 1L;

  public GitException(String message) {
    super(message);
  }
}
