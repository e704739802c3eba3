package dev.greenlight.linter.schema;

/** A function or procedure of the replayed schema (overloads share one entry). */
public record Routine(String schema, String name, boolean procedure, Origin origin)
    implements SchemaObject {}
