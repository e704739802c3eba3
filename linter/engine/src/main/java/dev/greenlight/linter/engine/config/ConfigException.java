package dev.greenlight.linter.engine.config;

/** A configuration file is wrong; the message names the file, line and column. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String location, int line, int column, String problem) {
    super(location + ":" + line + ":" + column + ": " + problem);
  }

  public ConfigException(String message) {
    super(message);
  }
}
