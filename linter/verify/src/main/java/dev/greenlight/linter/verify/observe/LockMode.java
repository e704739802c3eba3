package dev.greenlight.linter.verify.observe;

import java.util.EnumSet;
import java.util.Set;

/** PostgreSQL's table-level lock modes, weakest first, with the documented conflict matrix. */
public enum LockMode {
  ACCESS_SHARE("AccessShareLock"),
  ROW_SHARE("RowShareLock"),
  ROW_EXCLUSIVE("RowExclusiveLock"),
  SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
  SHARE("ShareLock"),
  SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
  EXCLUSIVE("ExclusiveLock"),
  ACCESS_EXCLUSIVE("AccessExclusiveLock");

  /** What {@code SELECT} takes on every table it reads. */
  public static final LockMode READ = ACCESS_SHARE;

  /** What {@code INSERT}, {@code UPDATE} and {@code DELETE} take on their target table. */
  public static final LockMode WRITE = ROW_EXCLUSIVE;

  private final String pgName;

  LockMode(String pgName) {
    this.pgName = pgName;
  }

  /** The mode as {@code pg_locks.mode} spells it, e.g. {@code AccessExclusiveLock}. */
  public String pgName() {
    return pgName;
  }

  /** The mode as the documentation and messages spell it, e.g. {@code ACCESS EXCLUSIVE}. */
  public String label() {
    return name().replace('_', ' ');
  }

  /** Parses a {@code pg_locks.mode}; null for modes that are not table-level lock modes. */
  public static LockMode fromPgName(String mode) {
    for (LockMode m : values()) {
      if (m.pgName.equals(mode)) {
        return m;
      }
    }
    return null;
  }

  /** The modes this mode conflicts with (table 13.2 of the PostgreSQL manual). */
  public Set<LockMode> conflicts() {
    return switch (this) {
      case ACCESS_SHARE -> EnumSet.of(ACCESS_EXCLUSIVE);
      case ROW_SHARE -> EnumSet.of(EXCLUSIVE, ACCESS_EXCLUSIVE);
      case ROW_EXCLUSIVE -> EnumSet.of(SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
      case SHARE_UPDATE_EXCLUSIVE ->
          EnumSet.of(
              SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
      case SHARE ->
          EnumSet.of(
              ROW_EXCLUSIVE,
              SHARE_UPDATE_EXCLUSIVE,
              SHARE_ROW_EXCLUSIVE,
              EXCLUSIVE,
              ACCESS_EXCLUSIVE);
      case SHARE_ROW_EXCLUSIVE ->
          EnumSet.of(
              ROW_EXCLUSIVE,
              SHARE_UPDATE_EXCLUSIVE,
              SHARE,
              SHARE_ROW_EXCLUSIVE,
              EXCLUSIVE,
              ACCESS_EXCLUSIVE);
      case EXCLUSIVE -> EnumSet.range(ROW_SHARE, ACCESS_EXCLUSIVE);
      case ACCESS_EXCLUSIVE -> EnumSet.allOf(LockMode.class);
    };
  }

  public boolean conflictsWith(LockMode other) {
    return conflicts().contains(other);
  }

  /** True when ordinary reads ({@code SELECT}) wait for this lock. */
  public boolean blocksReads() {
    return conflictsWith(READ);
  }

  /** True when ordinary writes ({@code INSERT/UPDATE/DELETE}) wait for this lock. */
  public boolean blocksWrites() {
    return conflictsWith(WRITE);
  }

  /** True when application traffic (reads or writes) waits for this lock. */
  public boolean blocksTraffic() {
    return blocksReads() || blocksWrites();
  }

  /** "reads and writes", "writes" or "reads"; empty when traffic is not blocked. */
  public String blockedTraffic() {
    if (blocksReads() && blocksWrites()) {
      return "reads and writes";
    }
    if (blocksWrites()) {
      return "writes";
    }
    return blocksReads() ? "reads" : "";
  }
}
