package dev.greenlight.cli;

/** The exit codes every command shares. */
public final class ExitCodes {
  /** Nothing at or above the fail level. */
  public static final int OK = 0;

  /** Findings at or above the fail level. */
  public static final int FINDINGS = 1;

  /** Usage, configuration or I/O error. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
