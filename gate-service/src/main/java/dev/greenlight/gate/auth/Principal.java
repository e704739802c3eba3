package dev.greenlight.gate.auth;

/** Who made a request: a configured token's name and role, or the anonymous reader. */
public record Principal(String name, Role role) {
  public static final Principal ANONYMOUS = new Principal("anonymous", null);

  public boolean anonymous() {
    return role == null;
  }

  public boolean mayWrite(Role required) {
    return role == required;
  }
}
