package dev.greenlight.gate.config;

import dev.greenlight.gate.decision.Slot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How the gate flips one app/env's router, when it does so itself. */
public sealed interface RouterSettings {

  /**
   * HAProxy's runtime API over its admin socket.
   *
   * @param retireState {@code drain} (default: existing connections finish) or {@code maint}
   */
  record Haproxy(Path socket, String backend, Map<Slot, List<String>> servers, String retireState)
      implements RouterSettings {
    public Haproxy {
      servers = Map.copyOf(servers);
    }
  }

  /** A command run with the target slot appended as its last argument. */
  record Command(List<String> command) implements RouterSettings {
    public Command {
      command = List.copyOf(command);
    }
  }
}
