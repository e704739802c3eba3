package dev.greenlight.gate.store;

/** An app and one of its environments. */
public record AppEnv(String app, String environment) implements Comparable<AppEnv> {
  @Override
  public int compareTo(AppEnv o) {
    int c = app.compareTo(o.app);
    return c != 0 ? c : environment.compareTo(o.environment);
  }
}
