package dev.greenlight.linter.rules.facts;

/** PostgreSQL's table lock modes, weakest first. */
public enum LockMode {
  ACCESS_SHARE,
  ROW_SHARE,
  ROW_EXCLUSIVE,
  SHARE_UPDATE_EXCLUSIVE,
  SHARE,
  SHARE_ROW_EXCLUSIVE,
  EXCLUSIVE,
  ACCESS_EXCLUSIVE;

  /** The name as PostgreSQL writes it, e.g. {@code ACCESS EXCLUSIVE}. */
  public String sql() {
    return name().replace('_', ' ');
  }

  /**
   * Whether the mode blocks ordinary application writes (SHARE and stronger): the modes {@code
   * require-lock-timeout} cares about.
   */
  public boolean blocksWrites() {
    return compareTo(SHARE) >= 0;
  }

  /** The stronger of two modes. */
  public LockMode max(LockMode other) {
    return other.compareTo(this) > 0 ? other : this;
  }

  /** Parses {@code ACCESS EXCLUSIVE}, {@code share row exclusive}, …; null when unknown. */
  public static LockMode parse(String text) {
    if (text == null) {
      return null;
    }
    String key = text.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "_");
    for (LockMode m : values()) {
      if (m.name().equals(key)) {
        return m;
      }
    }
    return null;
  }
}
