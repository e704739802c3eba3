package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * A possibly schema-qualified object name, e.g. {@code billing.orders}.
 *
 * @param schema the resolved schema name, or null when unqualified
 * @param name the resolved object name
 * @param span where the whole name is written
 */
public record QualifiedName(String schema, String name, Span span) {

  /** The name with the schema written only when it was written: {@code orders}, {@code s.t}. */
  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }

  /** The lookup key, resolving an unqualified name in {@code defaultSchema}. */
  public String key(String defaultSchema) {
    return (schema == null ? defaultSchema : schema) + "." + name;
  }
}
