package dev.greenlight.agent.config;

/** A configuration value the agent cannot run with; its message is the one line the user sees. */
public final class InvalidConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }
}
