package dev.greenlight.agent.session;

/** The sessions part of the agent report, as of one scan. */
public final class SessionSnapshot {
  public final StorageKind storage;
  public final StorageKind configuredStorage;
  public final String manager;
  public final String server;
  public final long active;
  public final boolean activeCounted;
  public final long attributes;
  public final long estimatedBytes;
  public final long nonSerializableAttributes;
  public final int sampledSessions;
  public final String error;

  SessionSnapshot(
      StorageKind storage,
      StorageKind configuredStorage,
      String manager,
      String server,
      long active,
      boolean activeCounted,
      long attributes,
      long estimatedBytes,
      long nonSerializableAttributes,
      int sampledSessions,
      String error) {
    this.storage = storage;
    this.configuredStorage = configuredStorage;
    this.manager = manager;
    this.server = server;
    this.active = active;
    this.activeCounted = activeCounted;
    this.attributes = attributes;
    this.estimatedBytes = estimatedBytes;
    this.nonSerializableAttributes = nonSerializableAttributes;
    this.sampledSessions = sampledSessions;
    this.error = error;
  }

  static SessionSnapshot none(String server) {
    return new SessionSnapshot(
        StorageKind.NONE, StorageKind.NONE, null, server, 0, true, 0, 0, 0, 0, null);
  }
}
