package dev.greenlight.gate.decision;

import java.util.Optional;

/** Where an instance keeps its HTTP sessions, as in the agent report contract. */
public enum SessionStorage {
  NONE,
  IN_MEMORY,
  LOCAL_DISK,
  REPLICATED_CLUSTER,
  SHARED,
  UNKNOWN;

  public static Optional<SessionStorage> parse(String text) {
    for (SessionStorage s : values()) {
      if (s.name().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
