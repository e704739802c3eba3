package dev.greenlight.gate.config;

/** A gate.yaml problem; the message starts with {@code file:line:column}. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
