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

  // equals and hashCode written out: the record's generated ones go through method handles, which
  // cost a cold command line a visible share of its run for a class hashed this often.
  @Override
  public boolean equals(Object o) {
    return o instanceof QualifiedName q
        && java.util.Objects.equals(schema, q.schema)
        && java.util.Objects.equals(name, q.name)
        && java.util.Objects.equals(span, q.span);
  }

  @Override
  public int hashCode() {
    return (31 * java.util.Objects.hashCode(schema) + java.util.Objects.hashCode(name)) * 31
        + java.util.Objects.hashCode(span);
  }

  /** The lookup key, resolving an unqualified name in {@code defaultSchema}. */
  public String key(String defaultSchema) {
    return (schema == null ? defaultSchema : schema) + "." + name;
  }
}
