package dev.greenlight.samples.shop.session;

import java.util.Locale;

/** Where the shop keeps HTTP sessions (and so the users' carts). */
public enum SessionMode {
  /** Tomcat's default {@code StandardManager}: sessions live in this JVM and die with it. */
  MEMORY,
  /**
   * Tomcat's {@code PersistentManager} with a {@code DataSourceStore} on the shop's PostgreSQL and
   * a {@code PersistentValve} that loads the session before and saves it after every request, so
   * blue and green serve the same sessions.
   */
  SHARED;

  /** The command-line spelling: "memory" or "shared". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SessionMode parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (SessionMode m : values()) {
      if (m.name().equals(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown session mode '" + text + "': expected memory or shared");
  }
}
