package dev.greenlight.linter.verify.observe;

/**
 * A table, materialized view or index as {@code pg_class} describes it at one moment.
 *
 * @param tableOid the relation itself for tables, the indexed table for indexes
 * @param fileNode {@code pg_relation_filenode}: a new one means the relation was rewritten
 */
public record Relation(
    long oid, String schema, String name, char kind, long tableOid, long fileNode) {

  /** {@code schema.name}, with {@code public.} left out as users write it. */
  public String displayName() {
    return "public".equals(schema) ? name : schema + "." + name;
  }

  public boolean isIndex() {
    return kind == 'i' || kind == 'I';
  }
}
