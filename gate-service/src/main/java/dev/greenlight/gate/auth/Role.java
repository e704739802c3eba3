package dev.greenlight.gate.auth;

import java.util.Locale;
import java.util.Optional;

/** The roles of gate.yaml; each may read everything and write only its own resources. */
public enum Role {
  AGENT,
  CI,
  DEPLOYER,
  APPROVER,
  VIEWER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String text) {
    for (Role r : values()) {
      if (r.wire().equals(text)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
