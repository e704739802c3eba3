package dev.greenlight.linter.maven.locations;

/** A location the user named explicitly cannot be used; the message says which and why. */
public final class LocationException extends Exception {
  private static final long serialVersionUID = 1L;

  public LocationException(String message) {
    super(message);
  }
}
