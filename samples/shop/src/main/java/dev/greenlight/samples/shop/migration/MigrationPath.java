package dev.greenlight.samples.shop.migration;

import java.util.List;
import java.util.Locale;

/**
 * The Flyway locations that make up each schema state. Every path starts from release 1's schema
 * ({@code db/common}); lint and verify can be pointed at each folder on its own.
 */
public enum MigrationPath {
  /** Release 1's schema only. */
  COMMON("db/common"),
  /** Release 2's schema in one unsafe step: breaks release 1 and locks live tables. */
  UNSAFE("db/common", "db/unsafe"),
  /** The expand phase of the safe path: release 1 and release 2 both work on this schema. */
  EXPAND("db/common", "db/safe/expand"),
  /** Expand, then contract (after release 1 is retired): the same end state as {@link #UNSAFE}. */
  CONTRACT("db/common", "db/safe/expand", "db/safe/contract");

  private final List<String> folders;

  MigrationPath(String... folders) {
    this.folders = List.of(folders);
  }

  /** Resource folders, in order, e.g. {@code db/common}. */
  public List<String> folders() {
    return folders;
  }

  /** The command-line spelling: common, unsafe, expand or contract. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MigrationPath parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (MigrationPath p : values()) {
      if (p.name().equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown migration path '" + text + "': expected common, unsafe, expand or contract");
  }
}
