package dev.greenlight.linter.schema;

/** A sequence of the replayed schema. */
public record Sequence(String schema, String name, Origin origin) implements SchemaObject {}
