package dev.greenlight.linter.schema;

/** Anything the replayed schema holds: named in a schema, created by some statement. */
public interface SchemaObject {
  /** The schema the object lives in. */
  String schema();

  /** The object's name. */
  String name();

  /** The statement that created it ({@link Origin#BASELINE} for baseline objects). */
  Origin origin();

  /** {@code schema.name}. */
  default String key() {
    return schema() + "." + name();
  }
}
