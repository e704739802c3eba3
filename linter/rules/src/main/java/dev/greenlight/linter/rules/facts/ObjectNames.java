package dev.greenlight.linter.rules.facts;

import dev.greenlight.linter.ddl.QualifiedName;

/** How messages name objects: {@code orders}, {@code billing.orders}, {@code orders.legacy_ref}. */
public final class ObjectNames {

  private ObjectNames() {}

  /** {@code table.column}, the table written as the migration wrote it. */
  public static String column(QualifiedName table, String column) {
    return table + "." + column;
  }
}
