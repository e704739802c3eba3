package dev.greenlight.agent.session;

/** Where sessions live, as the agent report contract names it. Unknown is never shared. */
public enum StorageKind {
  NONE,
  IN_MEMORY,
  LOCAL_DISK,
  REPLICATED_CLUSTER,
  SHARED,
  UNKNOWN;

  /** How much a switch can lose with this storage; the higher, the worse. */
  int risk() {
    switch (this) {
      case IN_MEMORY:
        return 5;
      case UNKNOWN:
        return 4;
      case LOCAL_DISK:
        return 3;
      case REPLICATED_CLUSTER:
        return 2;
      case SHARED:
        return 1;
      default:
        return 0;
    }
  }
}
