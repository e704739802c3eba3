package dev.greenlight.agent.session;

import java.util.Collection;
import java.util.Map;

/** What the inspector learned about one store: its kind, and its sessions' attribute maps. */
final class StoreView {
  final String managerClass;
  final StorageKind configured;
  final String server;

  /** Sessions the store has created since start, or -1 when it cannot tell. */
  final long created;

  /** Live sessions, or -1 when the store is not counted (a shared store). */
  final long active;

  /** Attribute maps of the live sessions, or null when not counted. */
  final Collection<Map<String, Object>> sessions;

  StoreView(
      String managerClass,
      StorageKind configured,
      String server,
      long created,
      long active,
      Collection<Map<String, Object>> sessions) {
    this.managerClass = managerClass;
    this.configured = configured;
    this.server = server;
    this.created = created;
    this.active = active;
    this.sessions = sessions;
  }
}
